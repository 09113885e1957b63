/** Documents: what an upload asks, and how documents and their versions are shown. */
import * as z from 'zod/mini';
import { ACCESS_LEVELS, DOCUMENT_STATUSES } from '../../domain/documents/documents.ts';
import { FILE_KIND_NAMES } from '../../domain/documents/files.ts';
import { HELD_STATUSES, VERSION_STATUSES } from '../../domain/documents/scans.ts';
import { DOCUMENT_REQUEST_STATUSES } from '../../domain/documents/requests.ts';
import { folderNameProblem, MAX_TEMPLATE_FOLDERS, templatePathProblem } from '../../domain/documents/folders.ts';
import { email, futureDate, isoDate, page, pageQuery } from './common.ts';
import { DIFF_CHANGES } from '../../domain/documents/diff.ts';
import { MAX_SHARE_DAYS, MIN_SHARE_DAYS } from '../../domain/documents/shares.ts';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../domain/documents/tags.ts';
import { RETENTION_YEARS } from '../../domain/documents/retention.ts';
import { ZIP_STATUSES } from '../../domain/documents/zips.ts';

const versionNumber = z.coerce.number().check(z.int('must be a version number'), z.minimum(1, 'must be a version number'), z.maximum(999_999));
import type { Schemas } from './types.ts';

/** One tag: a few words, no commas (a list of them is typed with commas) and nothing unprintable. */
const tag = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_TAG_LENGTH, `must be at most ${MAX_TAG_LENGTH} characters`),
    z.regex(/^[^,\p{Cc}]+$/u, 'must not hold commas or control characters'),
  );

export const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'is not an id'));

export const documentRequestView = z.object({
  documentRequestId: z.string(),
  customerId: z.string(),
  title: z.string(),
  note: z.optional(z.string()),
  dueDate: z.string(),
  folderId: z.string(),
  status: z.enum(DOCUMENT_REQUEST_STATUSES),
  requestedByName: z.string(),
  documentIds: z.array(z.string()),
  fulfilledAt: z.optional(z.string()),
  remindersSent: z.number(),
  createdAt: z.string(),
});
export type DocumentRequestView = z.infer<typeof documentRequestView>;

const folderName = z.string().check(
  z.maxLength(1000, 'must be at most 100 characters'),
  z.refine<string>((name) => !folderNameProblem(name), { error: (issue) => folderNameProblem(issue.input as string) ?? 'is not a folder name' }),
);

export const folderView = z.object({
  folderId: z.string(),
  customerId: z.string(),
  parentId: z.string(),
  name: z.string(),
  internal: z.boolean(),
  createdAt: z.string(),
});
export type FolderView = z.infer<typeof folderView>;

export const templateFolder = z.object({
  path: z.string().check(
    z.maxLength(700, 'is too long'),
    z.refine<string>((path) => !templatePathProblem(path), { error: (issue) => templatePathProblem(issue.input as string) ?? 'is not a folder path' }),
  ),
  internal: z.optional(z.boolean()),
});

/** A zip of a folder's documents: its progress, why it failed, and once built a 5-minute link. */
export const zipView = z.object({
  zipId: z.string(),
  name: z.string(),
  status: z.enum(ZIP_STATUSES),
  total: z.optional(z.number()),
  added: z.number(),
  bytes: z.optional(z.number()),
  problem: z.optional(z.string()),
  createdAt: z.string(),
  finishedAt: z.optional(z.string()),
  url: z.optional(z.string()),
});
export type ZipView = z.infer<typeof zipView>;

/** The firm's default folders (`isDefault`: the portal's own) and how many years removed files are kept. */
const documentSettings = z.object({ folderTemplate: z.array(templateFolder), isDefault: z.boolean(), retentionYears: z.number() });

export const documentView = z.object({
  documentId: z.string(),
  customerId: z.string(),
  folderId: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  mimeType: z.string(),
  size: z.number(),
  checksum: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  accessLevel: z.enum(ACCESS_LEVELS),
  tags: z.array(z.string()),
  currentVersion: z.optional(z.number()),
  latestVersion: z.number(),
  uploadedBy: z.string(),
  uploadedByName: z.string(),
  downloadCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentView = z.infer<typeof documentView>;

export const versionView = z.object({
  versionNo: z.number(),
  name: z.string(),
  size: z.number(),
  mimeType: z.string(),
  status: z.enum(VERSION_STATUSES),
  changeSummary: z.optional(z.string()),
  revertedFrom: z.optional(z.number()),
  uploadedByName: z.string(),
  createdAt: z.string(),
});

/** A share link as staff see it (never its secret). */
export const shareView = z.object({
  shareId: z.string(),
  recipientEmail: z.string(),
  validUntil: z.string(),
  requireCode: z.boolean(),
  status: z.enum(['active', 'revoked', 'expired']),
  uses: z.number(),
  lastUsedAt: z.optional(z.string()),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type ShareView = z.infer<typeof shareView>;

/** A version the scans hold back, as the quarantine console shows it. */
export const heldVersionView = z.object({
  documentId: z.string(),
  versionNo: z.number(),
  customerId: z.string(),
  customerName: z.string(),
  name: z.string(),
  size: z.number(),
  mimeType: z.string(),
  status: z.enum(HELD_STATUSES),
  threats: z.optional(z.array(z.string())),
  scanFailures: z.number(),
  lastScanAt: z.optional(z.string()),
  uploadedByName: z.string(),
  createdAt: z.string(),
});
export type HeldVersionView = z.infer<typeof heldVersionView>;

export const DOCUMENTS_SCHEMAS = {
  listDocuments: {
    query: z.extend(pageQuery, {
      customerId: z.optional(id),
      folderId: z.optional(id),
      /** Search the customer's documents in every folder: names starting with `q`, of a kind, added between two dates. */
      q: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100))),
      kind: z.optional(z.enum(FILE_KIND_NAMES, { error: `must be one of: ${FILE_KIND_NAMES.join(', ')}` })),
      from: z.optional(isoDate),
      to: z.optional(isoDate),
      /** Documents with this tag, in any letter case. */
      tag: z.optional(tag),
    }),
    response: page(documentView),
  },
  listHeldDocumentVersions: {
    query: z.extend(pageQuery, { status: z.optional(z.enum(HELD_STATUSES, { error: `must be one of: ${HELD_STATUSES.join(', ')}` })) }),
    response: page(heldVersionView),
  },
  discardDocumentVersion: {},
  rescanDocumentVersion: {},
  listDocumentFolders: {
    query: z.object({ customerId: z.optional(id), parentId: z.optional(id) }),
    response: z.object({
      /** From the top down to the folder listed (empty at the top level). */
      breadcrumbs: z.array(z.object({ folderId: z.string(), name: z.string() })),
      items: z.array(folderView),
    }),
  },
  createDocumentFolder: {
    body: z.object({ customerId: z.optional(id), parentId: z.optional(id), name: folderName, internal: z.optional(z.boolean()) }),
    response: folderView,
  },
  updateDocumentFolder: {
    /** A new name, a new place (ROOT_FOLDER: the top level), or both. */
    body: z
      .object({ name: z.optional(folderName), parentId: z.optional(id) })
      .check(z.refine((b) => b.name !== undefined || b.parentId !== undefined, { error: 'must change name or parentId' })),
    response: folderView,
  },
  deleteDocumentFolder: {},
  deleteDocument: {},
  requestDocumentZip: {
    /** Staff name the customer; none: a client's own. No folder: all the customer's documents. */
    body: z.object({ customerId: z.optional(id), folderId: z.optional(id) }),
    response: zipView,
  },
  getDocumentZip: { response: zipView },
  getDocumentSettings: { response: documentSettings },
  updateDocumentSettings: {
    /** Only what changes. */
    body: z
      .object({
        folderTemplate: z.optional(
          z.array(templateFolder).check(
            z.maxLength(MAX_TEMPLATE_FOLDERS, `must have at most ${MAX_TEMPLATE_FOLDERS} folders`),
            z.refine((list) => new Set(list.map((f) => f.path.toLowerCase())).size === list.length, 'must not name the same folder twice'),
          ),
        ),
        retentionYears: z.optional(
          z
            .number({ error: 'must be a whole number of years' })
            .check(
              z.int('must be a whole number of years'),
              z.minimum(RETENTION_YEARS.min, `must be at least ${RETENTION_YEARS.min} year`),
              z.maximum(RETENTION_YEARS.max, `must be at most ${RETENTION_YEARS.max} years`),
            ),
        ),
      })
      .check(z.refine((s) => s.folderTemplate !== undefined || s.retentionYears !== undefined, { error: 'must change folderTemplate or retentionYears' })),
    response: documentSettings,
  },
  updateDocument: {
    body: z.object({
      folderId: z.optional(id),
      description: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
      accessLevel: z.optional(z.enum(ACCESS_LEVELS, { error: `must be one of: ${ACCESS_LEVELS.join(', ')}` })),
      /** All its tags (shared/domain/documents/tags.ts); [] takes them away. */
      tags: z.optional(z.array(tag).check(z.maxLength(MAX_TAGS, `must be at most ${MAX_TAGS} tags`))),
    }),
    response: documentView,
  },
  createDocumentRequest: {
    body: z.object({
      customerId: id,
      title: z.string().check(z.trim(), z.minLength(1, 'is required: what you ask for'), z.maxLength(200)),
      note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
      dueDate: futureDate,
      folderId: z.optional(id),
    }),
    response: documentRequestView,
  },
  listDocumentRequests: {
    query: z.extend(pageQuery, {
      customerId: z.optional(id),
      status: z.optional(z.enum(DOCUMENT_REQUEST_STATUSES, { error: `must be one of: ${DOCUMENT_REQUEST_STATUSES.join(', ')}` })),
    }),
    response: page(documentRequestView),
  },
  cancelDocumentRequest: { response: documentRequestView },
  revertDocumentVersion: {
    body: z.object({ changeSummary: z.optional(z.string().check(z.trim(), z.maxLength(500))) }),
    response: z.object({ versionNo: z.number() }),
  },
  compareDocumentVersions: {
    query: z.object({ from: versionNumber, to: versionNumber }),
    response: z.object({
      from: z.number(),
      to: z.number(),
      /** Lines in order: kept, removed (only in `from`) or added (only in `to`); long unchanged runs folded. */
      lines: z.array(z.object({ change: z.enum(DIFF_CHANGES), text: z.string() })),
      added: z.number(),
      removed: z.number(),
    }),
  },
  getDocumentPreview: { response: z.object({ url: z.string(), expiresAt: z.string() }) },
  listDocumentHistory: {
    query: pageQuery,
    response: page(
      z.object({
        at: z.string(),
        action: z.string(),
        actorName: z.optional(z.string()),
        actorRole: z.string(),
        changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
        ip: z.optional(z.string()),
        userAgent: z.optional(z.string()),
      }),
    ),
  },
  createDocumentShare: {
    body: z.object({
      email,
      days: z
        .number()
        .check(
          z.int('must be a whole number of days'),
          z.minimum(MIN_SHARE_DAYS, `must be at least ${MIN_SHARE_DAYS}`),
          z.maximum(MAX_SHARE_DAYS, `must be at most ${MAX_SHARE_DAYS}`),
        ),
      requireCode: z._default(z.boolean(), true),
    }),
    response: shareView,
  },
  listDocumentShares: { response: z.object({ items: z.array(shareView) }) },
  revokeDocumentShare: { response: shareView },
  getSharedDocument: {
    response: z.object({
      name: z.string(),
      size: z.number(),
      mimeType: z.string(),
      firm: z.string(),
      validUntil: z.string(),
      requireCode: z.boolean(),
      /** Where the code goes, half hidden (j•••@example.com). */
      recipient: z.string(),
    }),
  },
  sendShareCode: {},
  downloadSharedDocument: {
    body: z.object({
      code: z.optional(
        z.string().check(z.trim(), z.maxLength(6, 'must be the 6 digits from the email'), z.regex(/^\d{6}$/, 'must be the 6 digits from the email')),
      ),
    }),
    response: z.object({ url: z.string(), expiresAt: z.string() }),
  },
  getDocument: { response: z.extend(documentView, { versions: z.array(versionView) }) },
  getDocumentDownload: { response: z.object({ url: z.string(), expiresAt: z.string() }) },
} satisfies Record<string, Schemas>;
