/**
 * Deleting a firm (ADR 0039): the operator asks, typing its name, and the firm is suspended, its
 * export built and kept, and its purge set a month ahead; until then the operator can cancel.
 * Every step is in the platform's log. The purge (jobs/purge-firms.ts) removes the firm's items,
 * files and sign-in identities; its slug's claim stays, marked purged, with the platform's log.
 */
import { randomUUID } from 'node:crypto';
import { conflict, validationFailed } from '../../shared/api/errors.ts';
import type { FirmView } from '../../shared/api/schemas/firms.ts';
import { auditAndEvent, commitTransaction, outboxItem, type ChangeContext } from '../../shared/db/mutation.ts';
import { PLATFORM_ACTOR } from '../../shared/domain/audit/actor.ts';
import { confirmsName, purgeDateOf } from '../../shared/domain/platform/deletion.ts';
import { database, firmById, firmViews } from './firms.ts';

const epochOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function scheduleFirmDeletion(firmId: string, input: { name: string; reason: string }, ctx: ChangeContext): Promise<FirmView> {
  const firm = await firmById(firmId);
  if (firm.deleteAfter) throw conflict(`${firm.name} is to be deleted already, on ${firm.deleteAfter.slice(0, 10)}.`);
  if (!confirmsName(input.name, firm.name)) throw validationFailed([{ field: 'name', message: `must be the firm’s name as shown: ${firm.name}` }]);
  const now = new Date();
  const deleteAfter = purgeDateOf(now);
  const exportId = randomUUID();
  const written = { entityId: firmId, actorId: PLATFORM_ACTOR, correlationId: ctx.correlationId };
  await commitTransaction(
    database(),
    (entities) => [
      entities.tenant
        .patch({ tenantId: firmId })
        .set({ status: 'suspended', deleteAfter, closingExportId: exportId })
        .where((a, op) => `${op.eq(a.status, firm.status)} AND ${op.notExists(a.deleteAfter)}`)
        .commit(),
      // Its people are refused from now on, as for any suspension.
      ...(firm.status === 'active'
        ? [entities.outbox.create(outboxItem(firmId, { type: 'firm.suspended', detail: { reason: input.reason } }, written)).commit()]
        : []),
      // All of it, kept until the purge: the firm may still ask for its data.
      entities.firmExport
        .create({
          tenantId: firmId,
          exportId,
          requestedBy: PLATFORM_ACTOR,
          closing: true,
          status: 'building',
          createdAt: now.toISOString(),
          expiresAt: epochOf(deleteAfter),
        })
        .commit(),
      entities.outbox.create(outboxItem(firmId, { type: 'firm.export_requested', detail: { exportId, requestedBy: PLATFORM_ACTOR } }, written)).commit(),
      ...auditAndEvent(entities, ctx, {
        action: 'firm.deletion_scheduled',
        entityType: 'firm',
        entityId: firmId,
        changes: [
          { field: 'status', from: firm.status, to: 'suspended' },
          { field: 'deleteAfter', from: null, to: deleteAfter },
          { field: 'reason', from: null, to: input.reason },
        ],
      }),
    ],
    `${firm.name} was changed a moment ago. Reload and try again.`,
  );
  const [view] = await firmViews([{ ...firm, status: 'suspended', deleteAfter, closingExportId: exportId }]);
  return view!;
}

/** The firm stays suspended: reactivating it is its own step, with its own reason. */
export async function cancelFirmDeletion(firmId: string, reason: string, ctx: ChangeContext): Promise<FirmView> {
  const firm = await firmById(firmId);
  if (!firm.deleteAfter) throw conflict(`${firm.name} is not set to be deleted.`);
  await commitTransaction(
    database(),
    (entities) => [
      entities.tenant
        .patch({ tenantId: firmId })
        .remove(['deleteAfter', 'closingExportId'])
        .where((a, op) => op.eq(a.deleteAfter, firm.deleteAfter!))
        .commit(),
      // Its export goes with the plan (the bucket's lifecycle removes the file).
      ...(firm.closingExportId
        ? [
            entities.firmExport
              .patch({ tenantId: firmId, exportId: firm.closingExportId })
              .set({ expiresAt: Math.floor(Date.now() / 1000) })
              .commit(),
          ]
        : []),
      ...auditAndEvent(entities, ctx, {
        action: 'firm.deletion_cancelled',
        entityType: 'firm',
        entityId: firmId,
        changes: [
          { field: 'deleteAfter', from: firm.deleteAfter, to: null },
          { field: 'reason', from: null, to: reason },
        ],
      }),
    ],
    `${firm.name} was changed a moment ago. Reload and try again.`,
  );
  const { deleteAfter: _, closingExportId: __, ...kept } = firm;
  const [view] = await firmViews([kept]);
  return view!;
}
