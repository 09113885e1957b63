import { describe, expect, it } from 'vitest';
import { addDays, remindToday } from './requests.ts';

describe('a document request’s reminders', () => {
  const today = '2026-12-03';
  it('start once it is due within three days, overdue included', () => {
    expect(remindToday({ dueDate: '2026-12-10' }, today)).toBe(false);
    expect(remindToday({ dueDate: '2026-12-06' }, today)).toBe(true);
    expect(remindToday({ dueDate: '2026-11-20' }, today)).toBe(true);
  });
  it('come every third day after that, never twice in a day', () => {
    expect(remindToday({ dueDate: '2026-12-04', lastRemindedOn: today }, today)).toBe(false);
    expect(remindToday({ dueDate: '2026-12-04', lastRemindedOn: '2026-12-01' }, today)).toBe(false);
    expect(remindToday({ dueDate: '2026-12-04', lastRemindedOn: '2026-11-30' }, today)).toBe(true);
  });
  it('counts days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
