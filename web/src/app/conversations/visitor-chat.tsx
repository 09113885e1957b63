/**
 * `/chat/?firm=<slug>#<conversationId>.<key>`: a website visitor's conversation, opened from the
 * email that told them of an answer (ADR 0033). The firm's widget shows it here, on the portal,
 * with the key from the address's fragment (never sent to a server).
 */
import { useEffect } from 'react';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

const WIDGET = '/widget.js';

function VisitorChat() {
  const t = useText(conversationsText).visitor;
  const firm = new URLSearchParams(location.search).get('firm');
  useEffect(() => {
    if (!firm || document.querySelector(`script[src="${WIDGET}"]`)) return;
    const widget = document.createElement('script');
    widget.src = WIDGET;
    widget.dataset.firm = firm;
    widget.dataset.open = 'true';
    document.body.appendChild(widget);
  }, [firm]);
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-semibold">{t.title}</h1>
      <p className="text-slate-700">{firm ? t.lead : t.incomplete}</p>
    </main>
  );
}

mount(VisitorChat);
