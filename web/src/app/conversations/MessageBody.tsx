/**
 * A message's text with the safe subset of Markdown chat allows: **bold**, links (http and https
 * only, opening apart) and "- " lists. Built as React elements from the text, never as HTML,
 * so nothing a sender types can run or restyle the page.
 */
import type { ReactNode } from 'react';

const INLINE = /(\*\*[^*\n]+\*\*|https?:\/\/[^\s<>"']+)/g;

function inline(text: string, key: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={`${key}-${i}`}>{part.slice(2, -2)}</strong>;
    if (/^https?:\/\//.test(part)) {
      // A sentence's last full stop or comma is not part of its link.
      const url = part.replace(/[.,;:!?)]+$/, '');
      return [
        <a key={`${key}-${i}`} href={url} target="_blank" rel="noopener noreferrer nofollow" className="underline">
          {url}
        </a>,
        part.slice(url.length),
      ];
    }
    return part;
  });
}

export function MessageBody({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length)
      blocks.push(
        <ul key={`l${blocks.length}`} className="list-disc ps-5">
          {list.map((item, i) => (
            <li key={i}>{inline(item, `li${blocks.length}-${i}`)}</li>
          ))}
        </ul>,
      );
    list = [];
  };
  for (const line of text.split('\n')) {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) list.push(item[1]!);
    else {
      flush();
      blocks.push(
        <p key={`p${blocks.length}`} className="min-h-[1em] whitespace-pre-wrap break-words">
          {inline(line, `p${blocks.length}`)}
        </p>,
      );
    }
  }
  flush();
  return <>{blocks}</>;
}
