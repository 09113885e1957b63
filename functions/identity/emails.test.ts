import { describe, expect, it } from 'vitest';
import { actionEmail } from './emails.ts';

const link = 'https://portal.example/invitation/?token=t.r.s';

describe('action emails', () => {
  it('fills the firm, name and link, in text and HTML', () => {
    const email = actionEmail('invitation', 'en', 'new@example.com', link, { firm: 'DesignPi', name: 'Ana', days: '7' });
    expect(email.subject).toBe('You are invited to DesignPi on Service Portal');
    expect(email.text).toContain(`Accept the invitation: ${link}`);
    expect(email.html).toContain(`href="${link}"`);
    expect(email.html).toContain('expires in 7 days');
  });

  it('escapes names in HTML so an invitee cannot inject markup', () => {
    const email = actionEmail('invitation', 'en', 'x@example.com', link, { firm: 'A&B', name: '<img src=x onerror=alert(1)>', days: '7' });
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('A&amp;B');
  });

  it('writes Arabic right-to-left and Hindi left-to-right', () => {
    expect(actionEmail('invitation', 'ar', 'x@example.com', link, { firm: 'F', name: 'N', days: '7' }).html).toMatch(
      /^<!doctype html><html lang="ar" dir="rtl">/,
    );
    const hindi = actionEmail('invitation', 'hi', 'x@example.com', link, { firm: 'F', name: 'N', days: '7' });
    expect(hindi.html).toContain('dir="ltr"');
    expect(hindi.subject).toContain('आमंत्रण');
  });
});
