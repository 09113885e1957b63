import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageBody } from './MessageBody.tsx';

const html = (text: string) => renderToStaticMarkup(createElement(MessageBody, { text }));

describe('a message’s text', () => {
  it('shows bold, links and lists, and keeps line breaks', () => {
    expect(html('Hi **John**')).toBe('<p class="min-h-[1em] whitespace-pre-wrap break-words">Hi <strong>John</strong></p>');
    expect(html('See https://example.com/a?b=1.')).toContain(
      '<a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer nofollow" class="underline">https://example.com/a?b=1</a>.',
    );
    expect(html('Bring:\n- W-2\n- 1099')).toContain('<ul class="list-disc ps-5"><li>W-2</li><li>1099</li></ul>');
  });

  it('never lets markup or other schemes through', () => {
    const out = html('<img src=x onerror=alert(1)> [x](javascript:alert(1)) javascript:alert(1)');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('href="javascript');
    expect(out).toContain('&lt;img');
  });
});
