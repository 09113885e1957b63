import * as z from 'zod/mini';
import { instant, page, pageQuery } from './common.ts';
import type { Schemas } from './types.ts';

const optionalInstant = z.optional(instant);
const id = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)));

export const auditQuery = z
  .extend(pageQuery, {
    actorId: id,
    entityType: id,
    entityId: id,
    action: id,
    from: optionalInstant,
    to: optionalInstant,
  })
  .check(
    z.refine((q) => !q.entityId || q.entityType, { error: 'needs entityType too', path: ['entityId'] }),
    z.refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { error: 'must not be after to', path: ['from'] }),
  );

export const auditEntryView = z.object({
  auditId: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.nullable(z.string()),
  actorRole: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const AUDIT_SCHEMAS = {
  listAudit: { query: auditQuery, response: page(auditEntryView) },
} satisfies Record<string, Schemas>;
