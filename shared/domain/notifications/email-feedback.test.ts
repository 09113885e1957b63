import { describe, expect, it } from 'vitest';
import { problemsIn } from './email-feedback.ts';

describe('SES feedback', () => {
  it('stops sending to an address that bounced for good, or whose owner complained, and not for a transient bounce', () => {
    const at = '2026-12-04T08:00:00.000Z';
    expect(
      problemsIn({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          timestamp: at,
          bouncedRecipients: [{ emailAddress: ' Gone@Example.com', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        },
      }),
    ).toEqual([{ address: 'gone@example.com', reason: 'bounced', at, detail: 'smtp; 550 5.1.1 user unknown' }]);
    expect(
      problemsIn({ eventType: 'Bounce', bounce: { bounceType: 'Transient', timestamp: at, bouncedRecipients: [{ emailAddress: 'full@example.com' }] } }),
    ).toEqual([]);
    expect(
      problemsIn({
        eventType: 'Complaint',
        complaint: { timestamp: at, complaintFeedbackType: 'abuse', complainedRecipients: [{ emailAddress: 'a@example.com' }] },
      }),
    ).toEqual([{ address: 'a@example.com', reason: 'complained', at, detail: 'abuse' }]);
  });
});
