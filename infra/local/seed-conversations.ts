/**
 * The demo's conversations (issue 18): John's (Acme) with Sarah, Jane's (Tech Solutions) with
 * Mike and the lead Alice's, unassigned, each with messages and the ticket the first one made;
 * the demo's leads; the firm's canned replies. Written through the same send as
 * the API, so numbering, read positions and tickets are as real ones; made once.
 */
import { newConversation } from '../../functions/conversations/access.ts';
import { sendMessage } from '../../functions/conversations/messages.ts';
import { database } from '../../shared/db/all-entities.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { leadKey } from '../../shared/domain/leads/leads.ts';

type Party = { customerId: string } | { lead: string };
const DEMO_CONVERSATIONS: Record<string, { party: Party; assignee?: string; messages: [from: string, body: string][] }[]> = {
  't-designpi': [
    {
      party: { customerId: 'cus-acme' },
      assignee: 'sarah@designpi.com',
      messages: [
        ['john.doe@example.com', 'Hi Sarah, can I upload my 2026 W-2 here, or should I email it?'],
        ['sarah@designpi.com', 'Hi John! Upload it under Documents → Tax returns. It is checked for malware, and only you and our team can open it.'],
        ['john.doe@example.com', 'Done, thanks!'],
      ],
    },
    {
      party: { customerId: 'cus-tech-solutions' },
      assignee: 'mike@designpi.com',
      messages: [
        ['jane.smith@example.com', 'Our payroll export failed on Friday. Could someone take a look?'],
        ['mike@designpi.com', 'Looking into it now, Jane. I will update you by noon.'],
      ],
    },
    {
      party: { lead: 'alice.brown@startup.com' },
      messages: [['alice.brown@startup.com', 'Hi! We are a 12-person startup looking for bookkeeping and payroll. Do you take new clients this quarter?']],
    },
  ],
};

/** Prospects kept for the CRM to take over (issue 18's demo data). */
const DEMO_LEADS: Record<string, { name: string; email: string; company: string; status: 'new' | 'contacted' | 'qualified' }[]> = {
  't-designpi': [
    { name: 'Alice Brown', email: 'alice.brown@startup.com', company: 'Startup Co', status: 'new' },
    { name: 'David Lee', email: 'david.lee@enterprise.com', company: 'Enterprise Ltd', status: 'contacted' },
    { name: 'Emma Garcia', email: 'emma.garcia@creative.io', company: 'Creative IO', status: 'qualified' },
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
  for (const lead of DEMO_LEADS[tenantId] ?? []) {
    const leadId = `lead-${lead.email.split('@')[0]!.replace('.', '-')}`;
    if (!(await db.entities.lead.get({ tenantId, leadId }).go()).data) await db.entities.lead.create({ tenantId, leadId, source: 'manual', ...lead }).go();
  }
  const person = async (email: string) => {
    const user = (await db.entities.user.query.byEmail({ tenantId, email }).go()).data[0];
    if (user) return { userId: user.userId, name: user.name, email, role: user.role, kind: isStaff(user.role) ? ('staff' as const) : ('contact' as const) };
    const lead = (await db.entities.lead.query.byEmail({ tenantId, email }).go()).data[0]!;
    return { userId: lead.leadId, name: lead.name, email, role: 'LEAD', kind: 'lead' as const };
  };
  for (const demo of DEMO_CONVERSATIONS[tenantId] ?? []) {
    const party =
      'customerId' in demo.party
        ? (await db.entities.customer.get({ tenantId, customerId: demo.party.customerId }).go()).data!
        : await person(demo.party.lead).then((lead) => ({ leadId: lead.userId, name: lead.name }));
    const claim = { tenantId, customerKey: 'leadId' in party ? leadKey(party.leadId) : party.customerId, owner: 'customer' };
    if ((await db.entities.defaultConversation.get(claim).go()).data) continue;
    const item = newConversation(tenantId, party, demo.assignee ? await person(demo.assignee) : undefined);
    const { conversationId } = item;
    await db.entities.conversation.create(item).go();
    await db.entities.defaultConversation.create({ ...claim, conversationId }).go();
    for (const [i, [from, body]] of demo.messages.entries()) {
      const sender = await person(from);
      const { data: current } = await db.entities.conversation.get({ tenantId, conversationId }).go();
      await sendMessage(
        current!,
        { clientMessageId: `seed-${conversationId.slice(0, 8)}-${i}`, body, internal: false, sender },
        { tenantId, actorId: sender.userId, actorName: sender.name, actorRole: sender.role },
      );
    }
  }
}
