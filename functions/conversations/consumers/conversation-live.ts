/**
 * Delivers conversations live (live.ts): each new (or edited, or deleted) message to the
 * connections following its conversation, and each read position as a receipt. At least once: the page keeps messages
 * by number, so a second delivery changes nothing.
 */
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context as LambdaContext, EventBridgeEvent } from 'aws-lambda';
import { deliverChange, deliverMessage, deliverRead } from '../live.ts';

const logger = new Logger({ serviceName: 'conversation-live' });

type Detail = { tenantId?: string; conversationId: string; seq: number; publicNo: number; userId?: string };

async function consume(event: EventBridgeEvent<string, Detail & { tenantId: string }>): Promise<number> {
  const { tenantId, conversationId } = event.detail;
  const ref = { tenantId, conversationId };
  logger.appendKeys({ eventId: event.id, conversationId });
  if (event['detail-type'] === 'conversation.message_sent') {
    const delivered = await deliverMessage(ref, event.detail.seq);
    logger.info('message delivered', { delivered });
    return delivered;
  }
  if (event['detail-type'] === 'conversation.message_changed') return deliverChange(ref, event.detail.seq);
  await deliverRead(ref, { userId: event.detail.userId!, seq: event.detail.seq, publicNo: event.detail.publicNo });
  return 0;
}

export const handler = Object.assign(
  middy<EventBridgeEvent<string, Detail & { tenantId: string }>, number, Error, LambdaContext>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(consume),
  { reactsTo: ['conversation.message_sent', 'conversation.message_changed', 'conversation.read'] },
);
