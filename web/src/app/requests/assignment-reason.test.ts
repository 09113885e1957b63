import { describe, expect, it } from 'vitest';
import requests from '../i18n/requests/en.ts';
import team from '../i18n/team/en.ts';
import { reasonText } from './assignment-reason.ts';

const t = { ...requests, ...team } as Parameters<typeof reasonText>[1];

describe('why this person', () => {
  it('says who chose, or what the ranking saw', () => {
    expect(reasonText(JSON.stringify({ kind: 'manual', by: 'Diana Price' }), t)).toBe('chosen by Diana Price');
    const auto = reasonText(JSON.stringify({ kind: 'auto', matched: ['tax'], required: 1, availability: 'available', load: 2, capacity: 5 }), t);
    expect(auto).toContain('2 of 5 projects');
  });

  it('says a booking went to whoever was free, and never prints a value it does not have', () => {
    expect(reasonText(JSON.stringify({ kind: 'booking' }), t)).toBe('free at the time booked');
    expect(reasonText(JSON.stringify({ kind: 'from-a-later-version' }), t)).toBe('');
    for (const kind of ['booking', 'auto', 'manual', 'other']) expect(reasonText(JSON.stringify({ kind }), t)).not.toContain('undefined');
  });
});
