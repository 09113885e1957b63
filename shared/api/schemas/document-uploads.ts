/** Uploads of documents: what starting one asks, and how the browser sends the file (ADR 0029, 0032). */
import * as z from 'zod/mini';
import { ACCESS_LEVELS } from '../../domain/documents/documents.ts';
import { MAX_FILE_BYTES, MAX_NAME_LENGTH, NAME_RULES } from '../../domain/documents/files.ts';
import { MAX_FILE_PARTS } from '../../domain/documents/multipart.ts';
import { documentView, id } from './documents.ts';
import type { Schemas } from './types.ts';

/** A SHA-256 in base64 (44 characters), as S3 checks it. */
const sha256 = (what: string) =>
  z.string().check(z.maxLength(44, `must be the ${what} SHA-256, in base64`), z.regex(/^[A-Za-z0-9+/]{43}=$/, `must be the ${what} SHA-256, in base64`));

const partNumber = z
  .number()
  .check(z.int('must be a part number'), z.minimum(1, 'must be a part number: 1 or more'), z.maximum(MAX_FILE_PARTS, `must be at most ${MAX_FILE_PARTS}`));

export const createDocumentUploadInput = z.object({
  /** Staff name the customer; a client's is their own. */
  customerId: z.optional(id),
  /** A new version of this document, instead of a new document. */
  documentId: z.optional(id),
  /** The rules of shared/domain/documents/files.ts; the first that fails is the one named. */
  name: z
    .string()
    .check(
      z.maxLength(1000, `must be at most ${MAX_NAME_LENGTH} characters`),
      ...NAME_RULES.map(([holds, reason]) => z.refine<string>(holds, { error: reason, abort: true })),
    ),
  size: z
    .number()
    .check(
      z.int('must be a whole number of bytes'),
      z.minimum(1, 'must be at least 1 byte: the file is empty'),
      z.maximum(MAX_FILE_BYTES, `must be at most ${MAX_FILE_BYTES / 1024 / 1024} MB`),
    ),
  /** SHA-256 of the whole file: S3 checks a POST against it; a file sent in parts is checked once it has arrived. */
  checksum: sha256('file’s'),
  description: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  changeSummary: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  accessLevel: z.optional(z.enum(ACCESS_LEVELS, { error: `must be one of: ${ACCESS_LEVELS.join(', ')}` })),
  /** The folder a new document is filed in (its customer's); none: the top level, or its request's folder. */
  folderId: z.optional(id),
  /** The open document request it answers. */
  documentRequestId: z.optional(id),
});

/**
 * How the browser sends the file: a presigned POST (its fields go in the form before the file),
 * or, above 16 MB, in parts of `partSize` bytes whose links it asks for as it goes.
 */
export const uploadView = z.union([
  z.object({ method: z.literal('POST'), url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: z.string() }),
  z.object({ method: z.literal('parts'), partSize: z.number(), partCount: z.number(), expiresAt: z.string() }),
]);

export const DOCUMENT_UPLOADS_SCHEMAS = {
  createDocumentUpload: {
    body: createDocumentUploadInput,
    response: z.object({ document: documentView, versionNo: z.number(), upload: uploadView }),
  },
  /** The parts storage holds so far: where a paused or broken upload resumes. */
  listDocumentUploadParts: {
    response: z.object({
      partSize: z.number(),
      partCount: z.number(),
      parts: z.array(z.object({ partNumber: z.number(), size: z.number(), checksum: z.optional(z.string()) })),
    }),
  },
  /** Links for the next parts, each good only for bytes with the SHA-256 given. */
  signDocumentUploadParts: {
    body: z.object({
      parts: z
        .array(z.object({ partNumber, checksum: sha256('part’s') }))
        .check(z.minLength(1, 'must name at least one part'), z.maxLength(20, 'must name at most 20 parts at a time')),
    }),
    response: z.object({ parts: z.array(z.object({ partNumber: z.number(), url: z.string() })), expiresAt: z.string() }),
  },
  completeDocumentUpload: { response: z.object({ documentId: z.string(), versionNo: z.number() }) },
  cancelDocumentUpload: {},
} satisfies Record<string, Schemas>;
