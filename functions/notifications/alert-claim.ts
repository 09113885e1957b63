/** Alerts told once (ADR 0033 and the deadline warnings): a marker made on the condition that none is there. */
import type { DeadlineAlert } from '../../shared/db/entities/deadline-alert.ts';

const KEEP_SECONDS = 120 * 24 * 3600;

/** Takes this alert for this run, or learns that another run already did (false). */
export async function claimAlert(
  alerts: typeof DeadlineAlert,
  alert: { tenantId: string; subject: string; kind: 'soon' | 'passed'; due: string },
  now: number,
): Promise<boolean> {
  try {
    await alerts.create({ ...alert, createdAt: new Date(now).toISOString(), expiresAt: Math.floor(now / 1000) + KEEP_SECONDS }).go();
    return true;
  } catch (error) {
    if (error instanceof Error && /conditional/i.test(error.message)) return false;
    throw error;
  }
}
