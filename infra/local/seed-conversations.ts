/**
 * The demo's conversations (issue 18): John's (Acme) with Sarah and Jane's (Tech Solutions) with
 * Mike, each with messages and the ticket the first one made. Written through the same send as
 * the API, so numbering, read positions and tickets are as real ones; made once.
 */
import { newConversation } from '../../functions/conversations/access.ts';
import { sendMessage } from '../../functions/conversations/messages.ts';
import { database } from '../../shared/db/all-entities.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';

const DEMO_CONVERSATIONS: Record<string, { customerId: string; assignee: string; messages: [from: string, body: string][] }[]> = {
  't-designpi': [
    {
      customerId: 'cus-acme',
      assignee: 'sarah@designpi.com',
      messages: [
        ['john@example.com', 'Hi Sarah, can I upload my 2026 W-2 here, or should I email it?'],
        ['sarah@designpi.com', 'Hi John! Upload it under Documents → Tax returns. It is checked for malware, and only you and our team can open it.'],
        ['john@example.com', 'Done, thanks!'],
      ],
    },
    {
      customerId: 'cus-tech-solutions',
      assignee: 'mike@designpi.com',
      messages: [
        ['jane@example.com', 'Our payroll export failed on Friday. Could someone take a look?'],
        ['mike@designpi.com', 'Looking into it now, Jane. I will update you by noon.'],
      ],
    },
  ],
};

/** Stock answers the demo firm's staff insert from the composer. */
const DEMO_CANNED_REPLIES: Record<string, { title: string; body: string }[]> = {
  't-designpi': [
    { title: 'Received, working on it', body: 'Thanks, we have received this and are working on it. You will hear from us within one business day.' },
    {
      title: 'Upload documents',
      body: 'Please upload the documents under **Documents** in the portal. Each file is checked for malware, and only you and our team can open it.',
    },
    { title: 'Book a call', body: 'Happy to talk it through. Pick a time that suits you under **Book**.' },
  ],
};

export async function seedConversations(tenantId: string): Promise<void> {
  const db = database();
  const replies = DEMO_CANNED_REPLIES[tenantId];
  if (replies && !(await db.entities.conversationSettings.get({ tenantId }).go()).data)
    await db.entities.conversationSettings
      .create({ tenantId, cannedReplies: replies.map((r, i) => ({ replyId: `seed-reply-${i + 1}`, ...r })), version: 1 })
      .go();
  const person = async (email: string) => (await db.entities.user.query.byEmail({ tenantId, email }).go()).data[0]!;
  for (const demo of DEMO_CONVERSATIONS[tenantId] ?? []) {
    const claim = { tenantId, customerKey: demo.customerId, owner: 'customer' };
    if ((await db.entities.defaultConversation.get(claim).go()).data) continue;
    const { data: customer } = await db.entities.customer.get({ tenantId, customerId: demo.customerId }).go();
    const assignee = await person(demo.assignee);
    const item = newConversation(tenantId, customer!, assignee);
    const { conversationId } = item;
    await db.entities.conversation.create(item).go();
    await db.entities.defaultConversation.create({ ...claim, conversationId }).go();
    for (const [i, [from, body]] of demo.messages.entries()) {
      const sender = await person(from);
      const { data: current } = await db.entities.conversation.get({ tenantId, conversationId }).go();
      const staff = isStaff(sender.role);
      await sendMessage(
        current!,
        {
          clientMessageId: `seed-${conversationId.slice(0, 8)}-${i}`,
          body,
          internal: false,
          sender: { userId: sender.userId, name: sender.name, email: sender.email, kind: staff ? 'staff' : 'contact' },
        },
        { tenantId, actorId: sender.userId, actorName: sender.name, actorRole: sender.role },
      );
    }
  }
}
