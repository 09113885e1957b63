/**
 * Where a document version's file lives in the documents bucket. The key is chosen by the
 * server, never by the uploader, and starts with the firm, so a key names its firm, document
 * and version; the name a person gave the file is kept in the table only.
 */
export interface VersionRef {
  tenantId: string;
  documentId: string;
  versionNo: number;
}

const ID = '[A-Za-z0-9_-]{1,64}';
const KEY = new RegExp(`^t/(${ID})/documents/(${ID})/v(\\d{1,6})$`);

export const objectKeyOf = ({ tenantId, documentId, versionNo }: VersionRef) => `t/${tenantId}/documents/${documentId}/v${versionNo}`;

/** The version a key names, or nothing for a key this scheme did not make. */
export function versionOfKey(key: string): VersionRef | undefined {
  const match = KEY.exec(key);
  return match ? { tenantId: match[1]!, documentId: match[2]!, versionNo: Number(match[3]) } : undefined;
}
