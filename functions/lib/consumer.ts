/**
 * The one chain every event consumer uses, like the HTTP one: a structured log of each event
 * (its id, type, firm and correlation id), its typed detail (checked against the event
 * catalogue when it was written), the idempotency marker, a metric per outcome, and errors
 * rethrown so Lambda retries the event and then keeps it in the consumer's dead-letter queue
 * (infra/constructs/events.ts).
 */
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context as LambdaContext, EventBridgeEvent } from 'aws-lambda';
import { once } from '../../shared/db/idempotency.ts';
import type { EventDetail, EventType } from '../../shared/events/catalogue.ts';
import type { Consumer } from '../../shared/events/rules.ts';

/** What became of an event: the metric's name. */
export type Outcome = 'processed' | 'skipped' | 'duplicate' | 'ignored' | 'invalid' | 'failed';

/** A consumer's work on one event type: 'skipped' when it found nothing left to do, 'duplicate' when it keeps its own marker and found it. */
export type Reaction<T extends EventType> = (detail: EventDetail<T>, type: T) => Promise<void | 'skipped' | 'duplicate'>;
export type Reactions = { [T in EventType]?: Reaction<T> };

export interface ConsumerDefinition {
  name: Consumer;
  reactions: Reactions;
  /**
   * 'marker': the chain lets each event's reaction run once (shared/db/idempotency.ts). 'own':
   * the reaction is exactly-once by itself (its writes and its marker are one transaction).
   */
  idempotency: 'marker' | 'own';
  /** Event types whose reaction is harmless to repeat, so they take no marker. */
  repeatable?: readonly EventType[];
}

type BusEvent = EventBridgeEvent<string, Record<string, unknown>>;

/** An event without the envelope the bus gives every outbox event: not ours, kept in the dead-letter queue. */
class InvalidEvent extends Error {}

export function consumerHandler({ name, reactions, idempotency, repeatable = [] }: ConsumerDefinition) {
  const logger = new Logger({ serviceName: name });
  const metrics = new Metrics({ namespace: 'ServicePortal', serviceName: name });

  async function outcomeOf(type: EventType, event: BusEvent): Promise<Outcome> {
    const reaction = reactions[type] as Reaction<EventType> | undefined;
    if (!reaction) return 'ignored';
    // Checked against the catalogue when the outbox wrote it (shared/db/mutation.ts), the one way onto the bus; so not parsed again here.
    const detail = event.detail as EventDetail<EventType>;
    if (typeof detail.tenantId !== 'string' || typeof detail.eventId !== 'string') throw new InvalidEvent(`${type} came without its firm or its id`);
    const react = async () => (await reaction(detail, type)) ?? 'processed';
    if (idempotency === 'own' || repeatable.includes(type)) return react();
    let outcome: Outcome = 'processed';
    const marked = await once({ tenantId: detail.tenantId, consumer: name, eventId: detail.eventId }, async () => {
      outcome = await react();
    });
    return marked === 'duplicate' ? 'duplicate' : outcome;
  }

  async function consume(event: BusEvent): Promise<Outcome> {
    const type = event['detail-type'] as EventType;
    const { eventId, tenantId, correlationId } = event.detail;
    logger.appendKeys({ eventId, eventType: type, tenantId, correlationId: correlationId ?? eventId });
    try {
      const outcome = await outcomeOf(type, event);
      metrics.addMetric(outcome, MetricUnit.Count, 1);
      logger.info('event handled', { outcome });
      return outcome;
    } catch (error) {
      metrics.addMetric(error instanceof InvalidEvent ? 'invalid' : 'failed', MetricUnit.Count, 1);
      logger.error('event failed: Lambda tries it again, then dead-letters it', error as Error);
      throw error;
    }
  }

  const handler = middy<BusEvent, Outcome, Error, LambdaContext>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .handler(consume);
  // What it reacts to, for the test that holds every consumer to the rules that feed it.
  return Object.assign(handler, { reactsTo: Object.keys(reactions) as EventType[] });
}
