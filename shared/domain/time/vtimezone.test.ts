import { describe, expect, it } from 'vitest';
import { transitions, vtimezone } from './vtimezone.ts';

describe('vtimezone', () => {
  it('finds the offset changes to the minute', () => {
    const iso = (zone: string) => transitions(zone, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map((t) => new Date(t).toISOString());
    expect(iso('America/New_York')).toEqual(['2026-03-08T07:00:00.000Z', '2026-11-01T06:00:00.000Z']);
    expect(iso('Australia/Lord_Howe')).toEqual(['2026-04-04T15:00:00.000Z', '2026-10-03T15:30:00.000Z']);
    expect(iso('Asia/Kathmandu')).toEqual([]);
  });

  it('writes observances in local time with the offsets before and after', () => {
    const text = vtimezone('Australia/Lord_Howe', Date.UTC(2026, 5, 1));
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1030\r\nTZOFFSETTO:+1100\r\nEND:DAYLIGHT');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20260405T020000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030\r\nEND:STANDARD');
    expect(vtimezone('Asia/Kathmandu', Date.UTC(2026, 5, 1))).toContain('TZOFFSETFROM:+0545\r\nTZOFFSETTO:+0545');
    expect(vtimezone('America/St_Johns', Date.UTC(2026, 5, 1))).toContain('TZOFFSETFROM:-0330\r\nTZOFFSETTO:-0230');
  });
});
