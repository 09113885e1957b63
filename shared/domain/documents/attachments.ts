/**
 * Documents attached to a request or a comment (ADR 0031). The request or comment keeps each
 * one's id and its name when attached; what it is now (its status, name and who may see it)
 * is read from the document when shown.
 */
import type { DocumentStatus } from './documents.ts';

/** At most this many on a request, and on each comment. */
export const MAX_ATTACHMENTS = 10;

/**
 * One attachment as kept. An attachment without a document is a file named before uploads
 * existed (the `migrate-attachments` job): there is nothing to open, only its name.
 */
export interface Attachment {
  documentId?: string;
  name: string;
}

/** What a reader sees of one: whether it can be opened now, is still being checked, will never open, or was only ever named. */
export const ATTACHMENT_STATES = ['available', 'checking', 'unavailable', 'named'] as const;
export type AttachmentState = (typeof ATTACHMENT_STATES)[number];

/** A document's status as an attachment's state; none when the document is gone. */
export function attachmentState(status: DocumentStatus | undefined): AttachmentState {
  if (status === 'available') return 'available';
  if (status === 'uploading' || status === 'scanning') return 'checking';
  return 'unavailable';
}

/**
 * Why a document cannot be attached, or undefined when it can. Being uploaded or checked is
 * fine (the file follows its scan); one held or removed is not.
 */
export function whyNotAttachable(status: DocumentStatus): string | undefined {
  if (status === 'quarantined') return 'was found to hold malware and cannot be attached';
  if (status === 'unscannable' || status === 'rejected' || status === 'discarded') return 'could not be checked and cannot be attached';
  if (status === 'deleted' || status === 'archived') return 'was removed and cannot be attached';
  return undefined;
}

/** A request's attachments, with the names typed before documents existed until the migration makes them attachments. */
export const requestAttachments = (request: {
  attachedDocuments?: readonly Attachment[] | undefined;
  attachments?: readonly string[] | undefined;
}): Attachment[] => [...(request.attachedDocuments ?? []), ...(request.attachments ?? []).map((name) => ({ name }))];
