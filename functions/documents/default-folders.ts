/**
 * A customer's default folders: the firm's template (or the portal's default) made once, when
 * the customer is added (consumers/document-folders.ts) and by the seed. A customer that has
 * folders already is left as it is, so a repeated event does not bring back a folder someone
 * removed. Each folder's id comes from its path, so two runs at once make the same folders.
 */
import { createHash } from 'node:crypto';
import { DocumentFolder } from '../../shared/db/entities/document.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { ROOT_FOLDER } from '../../shared/domain/documents/documents.ts';
import { DEFAULT_FOLDER_TEMPLATE, foldersFromTemplate } from '../../shared/domain/documents/folders.ts';
import { SYSTEM_ACTOR } from '../../shared/domain/audit/actor.ts';

const database = databaseOf({ tenant: Tenant, folder: DocumentFolder });

const folderIdOf = (customerId: string) => (names: readonly string[]) =>
  `fld-${createHash('sha256')
    .update([customerId, ...names].join('\u0000'))
    .digest('hex')
    .slice(0, 24)}`;

const yearIn = (timeZone: string, at: Date) => Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));

/** Makes the firm's default folders for the customer unless it has folders; how many it made. */
export async function fileDefaultFolders(tenantId: string, customerId: string, at = new Date()): Promise<number> {
  const { tenant, folder } = database().entities;
  const [{ data: firm }, { data: existing }] = await Promise.all([
    tenant.get({ tenantId }).go(),
    folder.query.byParent({ tenantId, customerId, parentId: ROOT_FOLDER }).go({ limit: 1 }),
  ]);
  if (!firm || existing.length) return 0;
  const planned = foldersFromTemplate(firm.folderTemplate ?? DEFAULT_FOLDER_TEMPLATE, yearIn(firm.timeZone, at), ROOT_FOLDER, folderIdOf(customerId));
  const createdAt = at.toISOString();
  let made = 0;
  // Parents first, one at a time: a create that finds its folder made by a concurrent run is done.
  for (const f of planned) {
    try {
      await folder.create({ tenantId, customerId, ...f, createdBy: SYSTEM_ACTOR, createdAt }).go();
      made++;
    } catch (error) {
      if (!(error instanceof Error && /conditional/i.test(error.message))) throw error;
    }
  }
  return made;
}
