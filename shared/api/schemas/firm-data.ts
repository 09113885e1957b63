/** A firm's exports (ADR 0038). */
import * as z from 'zod/mini';
import type { Schemas } from './types.ts';

export const firmExportView = z.object({
  exportId: z.string(),
  status: z.enum(['building', 'ready', 'failed']),
  /** Who asked, by name (an admin sees the firm's exports, not only their own). */
  requestedBy: z.object({ userId: z.string(), name: z.string() }),
  createdAt: z.string(),
  finishedAt: z.optional(z.string()),
  records: z.optional(z.number()),
  files: z.optional(z.number()),
  bytes: z.optional(z.number()),
  problem: z.optional(z.string()),
  /** When ready: the file's link, valid for a quarter of an hour (ask again for a fresh one). */
  url: z.optional(z.string()),
  /** When it and its file are gone. */
  expiresAt: z.string(),
});
export type FirmExportView = z.infer<typeof firmExportView>;

export const FIRM_DATA_SCHEMAS = {
  requestFirmExport: { response: firmExportView },
  listFirmExports: { response: z.object({ items: z.array(firmExportView) }) },
  getFirmExport: { response: firmExportView },
} satisfies Record<string, Schemas>;
