/**
 * Customers' document folders (shared/domain/documents/folders.ts): listed with their
 * breadcrumb (one Query of the subfolders, one batch read of the ancestors), made, renamed and
 * removed when empty by staff; and the firm's default structure for new customers. A contact
 * never sees an internal folder, nor anything filed in one: not found.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { AppError, conflict, notFound, validationFailed } from '../../shared/api/errors.ts';
import type { FolderView } from '../../shared/api/schemas/documents.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Document, DocumentFolder, DocumentFolderName } from '../../shared/db/entities/document.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { ROOT_FOLDER } from '../../shared/domain/documents/documents.ts';
import { DEFAULT_FOLDER_TEMPLATE, MAX_FOLDER_DEPTH, type TemplateFolder } from '../../shared/domain/documents/folders.ts';
import { retentionYearsOf } from '../../shared/domain/documents/retention.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { customerFor } from './access.ts';

const database = databaseOf({
  folder: DocumentFolder,
  folderName: DocumentFolderName,
  document: Document,
  tenant: Tenant,
  audit: AuditEntry,
  outbox: OutboxEvent,
});

/** The key of a folder's name where it is (DocumentFolderName). */
const nameClaim = (f: { tenantId: string; customerId: string; parentId: string; name: string; folderId: string }) => ({
  tenantId: f.tenantId,
  customerId: f.customerId,
  parentId: f.parentId,
  nameKey: f.name.toLowerCase(),
  folderId: f.folderId,
});

type Folder = EntityItem<typeof DocumentFolder>;

/** A folder holds at most this many subfolders: its list is one Query. */
const MAX_SUBFOLDERS = 200;

export const toFolderView = ({ folderId, customerId, parentId, name, internal, createdAt }: Folder): FolderView => ({
  folderId,
  customerId,
  parentId,
  name,
  internal,
  createdAt,
});

/**
 * The folder `folderId` of the customer, as the caller may use it: not found when it is another
 * customer's (or firm's), or internal and the caller a contact. The top level is no item.
 */
export async function folderFor(actor: AuthenticatedActor, customerId: string, folderId: string, field = 'folderId'): Promise<Folder | undefined> {
  if (folderId === ROOT_FOLDER) return undefined;
  const { data: folder } = await database().entities.folder.get({ tenantId: actor.tenantId, folderId }).go();
  if (!folder || folder.customerId !== customerId || (folder.internal && !isStaff(actor.role)))
    throw validationFailed([{ field, message: 'is not a folder of this customer' }]);
  return folder;
}

export async function listDocumentFolders(req: RequestOf<'listDocumentFolders'>): Promise<ReplyOf<'listDocumentFolders'>> {
  const { actor } = req;
  if (isStaff(actor.role) && !req.query.customerId) throw validationFailed([{ field: 'query.customerId', message: 'is required: whose folders to list' }]);
  const customerId = await customerFor(actor, req.query.customerId);
  const parentId = req.query.parentId ?? ROOT_FOLDER;
  const parent = await folderFor(actor, customerId, parentId, 'query.parentId');
  const { folder } = database().entities;
  const [{ data: subfolders }, { data: ancestors }] = await Promise.all([
    folder.query
      .byParent({ tenantId: actor.tenantId, customerId, parentId })
      .where((a, op) => (isStaff(actor.role) ? '' : op.eq(a.internal, false)))
      .go({ limit: MAX_SUBFOLDERS }),
    parent?.ancestors.length ? folder.get(parent.ancestors.map((folderId) => ({ tenantId: actor.tenantId, folderId }))).go() : { data: [] as Folder[] },
  ]);
  const nameOf = new Map(ancestors.map((a) => [a.folderId, a.name]));
  return {
    body: {
      breadcrumbs: parent
        ? [...parent.ancestors.map((folderId) => ({ folderId, name: nameOf.get(folderId) ?? '…' })), { folderId: parent.folderId, name: parent.name }]
        : [],
      items: subfolders.map(toFolderView),
    },
  };
}

export async function createDocumentFolder(req: RequestOf<'createDocumentFolder'>): Promise<ReplyOf<'createDocumentFolder'>> {
  const { actor, body } = req;
  if (!body.customerId) throw validationFailed([{ field: 'customerId', message: 'is required: the customer the folder is for' }]);
  const customerId = await customerFor(actor, body.customerId);
  const parent = await folderFor(actor, customerId, body.parentId ?? ROOT_FOLDER, 'parentId');
  const ancestors = parent ? [...parent.ancestors, parent.folderId] : [];
  if (ancestors.length >= MAX_FOLDER_DEPTH) throw validationFailed([{ field: 'parentId', message: `is as deep as folders go (${MAX_FOLDER_DEPTH} levels)` }]);
  await assertFreeName(actor.tenantId, customerId, parent?.folderId ?? ROOT_FOLDER, body.name);
  const at = new Date().toISOString();
  const item: Folder = {
    tenantId: actor.tenantId,
    folderId: randomUUID(),
    customerId,
    parentId: parent?.folderId ?? ROOT_FOLDER,
    ancestors,
    name: body.name,
    // Below an internal folder, everything is internal.
    internal: !!parent?.internal || !!body.internal,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await commitTransaction(
    database(),
    (e) => [
      e.folder.create(item).commit(),
      // Taken on the condition that it is free: a sibling made with this name at the same moment fails.
      e.folderName.create(nameClaim(item)).commit(),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document.folder_created',
        entityType: 'document_folder',
        entityId: item.folderId,
        customerId,
        changes: [{ field: 'name', from: null, to: item.name }],
        event: { type: 'document.folder_created', detail: { folderId: item.folderId, customerId, parentId: item.parentId, name: item.name } },
      }),
    ],
    `A folder named “${item.name}” is already here.`,
  );
  return { status: 201, body: toFolderView(item) };
}

/** Siblings may not share a name (in any letter case), and a folder has room for so many. */
async function assertFreeName(tenantId: string, customerId: string, parentId: string, name: string, except?: string): Promise<void> {
  const { data: siblings } = await database()
    .entities.folder.query.byParent({ tenantId, customerId, parentId })
    .go({ limit: MAX_SUBFOLDERS + 1 });
  if (siblings.some((s) => s.folderId !== except && s.name.toLowerCase() === name.toLowerCase())) throw conflict(`A folder named “${name}” is already here.`);
  if (!except && siblings.length >= MAX_SUBFOLDERS) throw conflict(`A folder holds at most ${MAX_SUBFOLDERS} folders.`);
}

/** A folder staff may change: its customer one they may open. */
async function ownFolder(req: { actor: AuthenticatedActor; params: { folderId: string } }): Promise<Folder> {
  const { data: folder } = await database().entities.folder.get({ tenantId: req.actor.tenantId, folderId: req.params.folderId }).go();
  if (!folder) throw notFound('Folder');
  await customerFor(req.actor, folder.customerId).catch(() => {
    throw notFound('Folder');
  });
  return folder;
}

/** The folders inside a folder, at every depth (one Query a level). */
async function descendantsOf(folder: Folder): Promise<Folder[]> {
  const found: Folder[] = [];
  for (let level = [folder]; level.length;) {
    const children = await Promise.all(
      level.map(
        async (f) =>
          (await database().entities.folder.query.byParent({ tenantId: f.tenantId, customerId: f.customerId, parentId: f.folderId }).go({ pages: 'all' })).data,
      ),
    );
    level = children.flat();
    found.push(...level);
  }
  return found;
}

/** Moving brings its subfolders along: one transaction, which holds this many at most (with the folder, its audit and event). */
const MAX_MOVED_SUBFOLDERS = 90;

/** Where a folder may go, with what is inside it: its customer's, not into itself, no deeper than folders go, not shared into staff-only. */
async function destinationOf(req: RequestOf<'updateDocumentFolder'>, folder: Folder, parentId: string) {
  const parent = await folderFor(req.actor, folder.customerId, parentId, 'parentId');
  if (parent && (parent.folderId === folder.folderId || parent.ancestors.includes(folder.folderId)))
    throw validationFailed([{ field: 'parentId', message: 'cannot be the folder itself or a folder inside it' }]);
  if (parent?.internal && !folder.internal) throw validationFailed([{ field: 'parentId', message: 'is for staff only: a shared folder cannot go into it' }]);
  const descendants = await descendantsOf(folder);
  if (descendants.length > MAX_MOVED_SUBFOLDERS)
    throw new AppError('unprocessable', `“${folder.name}” holds more than ${MAX_MOVED_SUBFOLDERS} folders: move the folders inside it first.`);
  const ancestors = parent ? [...parent.ancestors, parent.folderId] : [];
  const deepest = Math.max(0, ...descendants.map((d) => d.ancestors.length - folder.ancestors.length));
  if (ancestors.length + 1 + deepest > MAX_FOLDER_DEPTH)
    throw validationFailed([{ field: 'parentId', message: `would put folders deeper than folders go (${MAX_FOLDER_DEPTH} levels)` }]);
  return { parentId: parent?.folderId ?? ROOT_FOLDER, parentName: parent?.name ?? null, ancestors, descendants };
}

/** Renames a folder, or moves it (what is filed in it and its subfolders go with it), or both. */
export async function updateDocumentFolder(req: RequestOf<'updateDocumentFolder'>): Promise<ReplyOf<'updateDocumentFolder'>> {
  const folder = await ownFolder(req);
  const name = req.body.name ?? folder.name;
  const moving = req.body.parentId !== undefined && req.body.parentId !== folder.parentId;
  const renaming = name !== folder.name;
  if (!moving && !renaming) return { body: toFolderView(folder) };
  const to = moving ? await destinationOf(req, folder, req.body.parentId!) : undefined;
  await assertFreeName(folder.tenantId, folder.customerId, to?.parentId ?? folder.parentId, name, folder.folderId);
  const { data: from } =
    moving && folder.parentId !== ROOT_FOLDER
      ? await database().entities.folder.get({ tenantId: folder.tenantId, folderId: folder.parentId }).go()
      : { data: null };
  const changed = { name, ...(to && { parentId: to.parentId, ancestors: to.ancestors }) };
  const [before, after] = [nameClaim(folder), nameClaim({ ...folder, ...changed })];
  // A new name where it goes is taken on the condition that it is free (a case-only rename keeps its own).
  const sameName = before.parentId === after.parentId && before.nameKey === after.nameKey;
  await commitTransaction(
    database(),
    (e) => [
      e.folder
        .patch({ tenantId: folder.tenantId, folderId: folder.folderId })
        .set({ ...changed, version: folder.version + 1 })
        // The parent and the name key the subfolder index: ElectroDB derives the new keys, on the condition the old ones are as read.
        .composite({ customerId: folder.customerId, parentId: folder.parentId, nameKey: folder.name.toLowerCase(), folderId: folder.folderId })
        .where((a, op) => op.eq(a.version, folder.version))
        .commit(),
      ...(sameName ? [] : [e.folderName.delete(before).commit(), e.folderName.create(after).commit()]),
      // Each folder inside keeps its place under this one; the path above it is the new one.
      ...(to?.descendants ?? []).map((d) =>
        e.folder
          .patch({ tenantId: d.tenantId, folderId: d.folderId })
          .set({ ancestors: [...to!.ancestors, ...d.ancestors.slice(folder.ancestors.length)], version: d.version + 1 })
          .where((a, op) => op.eq(a.version, d.version))
          .commit(),
      ),
      ...auditAndEvent(e, changeContext(req), {
        action: moving ? 'document.folder_moved' : 'document.folder_renamed',
        entityType: 'document_folder',
        entityId: folder.folderId,
        customerId: folder.customerId,
        changes: [
          ...(renaming ? [{ field: 'name', from: folder.name, to: name }] : []),
          ...(to ? [{ field: 'folder', from: from?.name ?? null, to: to.parentName }] : []),
        ],
        event: moving
          ? { type: 'document.folder_moved', detail: { folderId: folder.folderId, customerId: folder.customerId, parentId: to!.parentId, name } }
          : { type: 'document.folder_renamed', detail: { folderId: folder.folderId, customerId: folder.customerId, name } },
      }),
    ],
    'Someone changed this folder, or one inside it, at the same moment. Reload and try again.',
  );
  return { body: toFolderView({ ...folder, ...changed }) };
}

export async function deleteDocumentFolder(req: RequestOf<'deleteDocumentFolder'>): Promise<ReplyOf<'deleteDocumentFolder'>> {
  const folder = await ownFolder(req);
  const { tenantId, customerId, folderId } = folder;
  const { entities } = database();
  const [{ data: subfolders }, { data: documents }] = await Promise.all([
    entities.folder.query.byParent({ tenantId, customerId, parentId: folderId }).go({ limit: 1 }),
    // A deleted document no longer holds its folder; one that is still arriving does.
    entities.document.query
      .byFolder({ tenantId, customerId, folderId })
      .where((a, op) => op.ne(a.status, 'deleted'))
      .go({ limit: 1 }),
  ]);
  if (subfolders.length || documents.length) throw conflict(`“${folder.name}” is not empty: move or remove what is in it first.`);
  await commitTransaction(database(), (e) => [
    e.folderName.delete(nameClaim(folder)).commit(),
    e.folder
      .delete({ tenantId, folderId })
      .where((a, op) => op.eq(a.version, folder.version))
      .commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'document.folder_deleted',
      entityType: 'document_folder',
      entityId: folderId,
      customerId,
      changes: [{ field: 'name', from: folder.name, to: null }],
      event: { type: 'document.folder_deleted', detail: { folderId, customerId, name: folder.name } },
    }),
  ]);
  return { status: 204 };
}

export async function getDocumentSettings(req: RequestOf<'getDocumentSettings'>): Promise<ReplyOf<'getDocumentSettings'>> {
  const { data: firm } = await database().entities.tenant.get({ tenantId: req.actor.tenantId }).go();
  return { body: settingsOf(firm) };
}

const settingsOf = (firm: { folderTemplate?: TemplateFolder[] | undefined; documentRetentionYears?: number | undefined } | null | undefined) => ({
  folderTemplate: [...(firm?.folderTemplate ?? DEFAULT_FOLDER_TEMPLATE)],
  isDefault: !firm?.folderTemplate,
  retentionYears: retentionYearsOf(firm),
});

export async function updateDocumentSettings(req: RequestOf<'updateDocumentSettings'>): Promise<ReplyOf<'updateDocumentSettings'>> {
  const { tenantId } = req.actor;
  const { data: firm } = await database().entities.tenant.get({ tenantId }).go();
  if (!firm) throw notFound('Firm');
  const { retentionYears } = req.body;
  const folderTemplate = req.body.folderTemplate?.map(({ path, internal }) => ({ path, ...(internal && { internal: true }) }));
  const changes = [
    ...(folderTemplate
      ? [{ field: 'folderTemplate', from: (firm.folderTemplate ?? DEFAULT_FOLDER_TEMPLATE).map((f) => f.path), to: folderTemplate.map((f) => f.path) }]
      : []),
    ...(retentionYears !== undefined && retentionYears !== retentionYearsOf(firm)
      ? [{ field: 'retentionYears', from: retentionYearsOf(firm), to: retentionYears }]
      : []),
  ];
  if (!changes.length) return { body: settingsOf(firm) };
  const set = { ...(folderTemplate && { folderTemplate }), ...(retentionYears !== undefined && { documentRetentionYears: retentionYears }) };
  await commitTransaction(database(), (e) => [
    e.tenant.patch({ tenantId }).set(set).commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'firm.document_settings_changed',
      entityType: 'firm',
      entityId: tenantId,
      changes,
      event: { type: 'firm.document_settings_changed', detail: { fields: changes.map((c) => c.field) } },
    }),
  ]);
  return { body: settingsOf({ ...firm, ...set }) };
}
