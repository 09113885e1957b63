import { Entity } from '../entity.ts';
import { MONTHLY_USAGE, STANDING_USAGE, type UsageFigure } from '../../domain/platform/firms.ts';

/**
 * A firm's usage, for the platform operator (ADR 0035): one item per month (`period` YYYY-MM)
 * and one of what it holds now (`period` STANDING_PERIOD), in a small partition of its own. A
 * firm's page reads two items; the firm list one batch for its page, never anything of the firm.
 */
export const FirmUsage = new Entity({
  model: { entity: 'firmUsage', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    period: { type: 'string', required: true, readOnly: true },
    ...(Object.fromEntries([...MONTHLY_USAGE, ...STANDING_USAGE].map((f) => [f, { type: 'number' }])) as Record<UsageFigure, { type: 'number' }>),
    /** When the standing figures were last measured whole. */
    measuredAt: { type: 'string' },
  },
  indexes: {
    byPeriod: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}#usage' },
      sk: { field: 'sk', composite: ['period'], template: '${period}' },
    },
  },
});
