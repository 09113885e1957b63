/**
 * SES's feedback (ADR 0036): an address that bounced for good, or whose owner marked our email
 * as spam, is suppressed, so nothing more is sent to it (functions/lib/mailer.ts); if it is a
 * person's sign-in address, their record says so, audited, for their firm's admins to see. An
 * event may come more than once: the suppression is simply written again, the person's change
 * once per event.
 */
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context as LambdaContext, EventBridgeEvent } from 'aws-lambda';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { EmailSuppression } from '../../../shared/db/entities/email-suppression.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { once } from '../../../shared/db/idempotency.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { problemsIn, SES_FEEDBACK_DETAIL_TYPES, type SesFeedback } from '../../../shared/domain/notifications/email-feedback.ts';
import { findIdentity } from '../cognito.ts';

const database = databaseOf({ suppression: EmailSuppression, user: User, audit: AuditEntry, outbox: OutboxEvent });
const logger = new Logger({ serviceName: 'email-feedback' });

type Outcome = 'processed' | 'ignored';

async function markPerson(problem: ReturnType<typeof problemsIn>[number], eventId: string): Promise<void> {
  const identity = await findIdentity(problem.address);
  if (!identity) return;
  const { tenantId, userId } = identity;
  await once({ tenantId, consumer: 'email-feedback', eventId: `${eventId}:${problem.address}` }, async () => {
    const db = database();
    const { data: person } = await db.entities.user.get({ tenantId, userId }).go();
    if (!person || person.email !== problem.address) return;
    await commitTransaction(db, (entities) => [
      entities.user.patch({ tenantId, userId }).set({ emailProblem: problem.reason, emailProblemAt: problem.at }).commit(),
      ...auditAndEvent(
        entities,
        { tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR },
        {
          action: 'user.email_stopped',
          entityType: 'user',
          entityId: userId,
          changes: [{ field: 'emailProblem', from: person.emailProblem ?? null, to: problem.reason }],
          event: { type: 'user.email_stopped', detail: { userId, reason: problem.reason } },
        },
      ),
    ]);
  });
}

async function consume(event: EventBridgeEvent<string, SesFeedback>): Promise<Outcome> {
  const problems = problemsIn(event.detail);
  logger.appendKeys({ eventId: event.id, feedback: event.detail.eventType });
  for (const problem of problems) {
    await database().entities.suppression.upsert(problem).go();
    await markPerson(problem, event.id);
  }
  logger.info('feedback handled', { addresses: problems.length });
  return problems.length ? 'processed' : 'ignored';
}

export const handler = Object.assign(
  middy<EventBridgeEvent<string, SesFeedback>, Outcome, Error, LambdaContext>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(consume),
  // What it reacts to, for the test that holds every consumer to the rules that feed it.
  { reactsTo: [...SES_FEEDBACK_DETAIL_TYPES] },
);
