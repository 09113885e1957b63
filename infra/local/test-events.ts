/** Events as the bus delivers them, for tests that hand one to a consumer themselves (a replay, a duplicate). */
import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from 'aws-lambda';
import type { EventDetail, EventType } from '../../shared/events/catalogue.ts';
import { EVENT_SOURCE } from '../../shared/events/rules.ts';

/** The event EventBridge would deliver for an outbox item of this type and detail (the detail checked by tsc against the catalogue). */
export const busEvent = <T extends EventType>(type: T, detail: EventDetail<T>): EventBridgeEvent<T, EventDetail<T>> => ({
  version: '0',
  id: randomUUID(),
  'detail-type': type,
  source: EVENT_SOURCE,
  account: '000000000000',
  time: detail.at,
  region: 'us-east-1',
  resources: [],
  detail,
});
