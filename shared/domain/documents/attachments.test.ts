import { describe, expect, it } from 'vitest';
import { attachmentState, requestAttachments, whyNotAttachable } from './attachments.ts';
import { DOCUMENT_STATUSES } from './documents.ts';

describe('attachments', () => {
  it('take a document being uploaded, checked or available, and refuse every other status with a reason', () => {
    const attachable = DOCUMENT_STATUSES.filter((s) => !whyNotAttachable(s));
    expect(attachable).toEqual(['uploading', 'scanning', 'available']);
  });

  it('open only when the document is available; a held, removed or missing one never does', () => {
    expect(Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, attachmentState(s)]))).toEqual({
      uploading: 'checking',
      scanning: 'checking',
      available: 'available',
      quarantined: 'unavailable',
      unscannable: 'unavailable',
      rejected: 'unavailable',
      discarded: 'unavailable',
      archived: 'unavailable',
      deleted: 'unavailable',
    });
    expect(attachmentState(undefined)).toBe('unavailable');
  });

  it('of a request include the names typed before documents existed, after its documents', () => {
    expect(requestAttachments({ attachedDocuments: [{ documentId: 'd-1', name: 'a.pdf' }], attachments: ['b.pdf'] })).toEqual([
      { documentId: 'd-1', name: 'a.pdf' },
      { name: 'b.pdf' },
    ]);
    expect(requestAttachments({})).toEqual([]);
  });
});
