import { describe, expect, it } from 'vitest';
import { branded } from './mailer.ts';

const email = { to: 'a@example.com', subject: 'Hello', text: 'Body', html: '<!doctype html><html><body style="color:#000"><p>Body</p></body></html>' };

describe("a firm's brand on its emails", () => {
  it('puts the footer under the text and the HTML (escaped), and the accent on the links', () => {
    const out = branded(email, { brandAccent: '#7c3aed', emailFooter: 'Acme & Co <LLP>\n1 Main St' });
    expect(out.text).toBe('Body\n\n--\nAcme & Co <LLP>\n1 Main St');
    expect(out.html).toContain('<head><style>a{color:#7c3aed}</style></head><body style="color:#000">');
    expect(out.html).toContain('Acme &amp; Co &lt;LLP&gt;\n1 Main St</p></body>');
  });

  it('leaves an email alone without a brand, and never puts anything but a colour into the style', () => {
    expect(branded(email, undefined)).toEqual(email);
    expect(branded(email, { brandAccent: 'red}</style><script>' }).html).toBe(email.html);
  });
});
