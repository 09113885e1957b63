/**
 * A customer's document folders: nested, each knowing its ancestors (top first) so that a
 * breadcrumb is one batch read and a move can be checked for cycles without a walk. A new
 * customer gets the firm's default structure, a template of paths such as "Tax returns/{year}";
 * a folder marked internal (and all below it) is for staff only.
 */

export const MAX_FOLDER_DEPTH = 6;
export const MAX_FOLDER_NAME = 100;
export const MAX_TEMPLATE_FOLDERS = 30;

export interface TemplateFolder {
  /** Names from the top, joined by "/"; `{year}` is the year the customer was added. */
  path: string;
  internal?: boolean;
}

export const DEFAULT_FOLDER_TEMPLATE: readonly TemplateFolder[] = [
  { path: 'Tax returns/{year}' },
  { path: 'Payroll' },
  { path: 'Contracts' },
  { path: 'Internal', internal: true },
];

/** Why a folder name cannot be used, or undefined. The same rules as file names where they matter: no path tricks, no control characters. */
export function folderNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'must not be empty';
  if (name.length > MAX_FOLDER_NAME) return `must be at most ${MAX_FOLDER_NAME} characters`;
  if (name !== name.trim()) return 'must not start or end with a space';
  if (/[/\\]/.test(name)) return 'must not contain / or \\';
  if (name === '.' || name === '..') return 'must not be . or ..';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'must not contain control characters';
  return undefined;
}

/** The names of a template path, or why it cannot be used. */
export function templatePathProblem(path: string): string | undefined {
  const names = path.split('/');
  if (names.length > MAX_FOLDER_DEPTH) return `must be at most ${MAX_FOLDER_DEPTH} folders deep`;
  for (const name of names) {
    const problem = folderNameProblem(name);
    if (problem) return `has a folder name that ${problem}`;
  }
  return undefined;
}

export interface PlannedFolder {
  folderId: string;
  parentId: string;
  ancestors: string[];
  name: string;
  internal: boolean;
}

/**
 * The folders a template makes for one customer, parents before children. A path's missing
 * parents are made as well ("Tax returns/2026" makes "Tax returns"); a parent is internal if
 * any template entry says so for it, and a child of an internal folder is internal too.
 */
export function foldersFromTemplate(
  template: readonly TemplateFolder[],
  year: number,
  root: string,
  /** The id of the folder at this path of names: the same for the same path, so applying a template twice makes the same folders. */
  idOf: (names: readonly string[]) => string,
): PlannedFolder[] {
  const byId = new Map<string, PlannedFolder>();
  for (const entry of template) {
    const names = entry.path.replaceAll('{year}', String(year)).split('/');
    const ancestors: string[] = [];
    let parentInternal = false;
    names.forEach((name, depth) => {
      const folderId = idOf(names.slice(0, depth + 1));
      const last = depth === names.length - 1;
      const existing = byId.get(folderId);
      const internal = parentInternal || (last && !!entry.internal) || !!existing?.internal;
      byId.set(folderId, { folderId, parentId: ancestors.at(-1) ?? root, ancestors: [...ancestors], name, internal });
      ancestors.push(folderId);
      parentInternal = internal;
    });
  }
  // Internal spreads down to children planned before their parent was marked.
  const planned = [...byId.values()];
  return planned.map((f) => ({ ...f, internal: f.internal || f.ancestors.some((a) => byId.get(a)?.internal) }));
}
