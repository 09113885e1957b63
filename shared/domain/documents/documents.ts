/** A document's states and access levels (the entity is shared/db/entities/document.ts). */
import { VERSION_STATUSES } from './scans.ts';

/** A document's status is its served version's (or, until one is served, its first's), or what was done to it. */
export const DOCUMENT_STATUSES = [...VERSION_STATUSES, 'archived', 'deleted'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** `customer`: the customer's contacts (by their access); `private`: its uploader and staff; `internal`: staff only. */
export const ACCESS_LEVELS = ['customer', 'private', 'internal'] as const;

/** The folder of a document filed in none: the customer's top level. */
export const ROOT_FOLDER = '-';
