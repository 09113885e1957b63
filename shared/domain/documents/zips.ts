/** A folder's documents as one ZIP file (issue 17): its states and limits. */

export const ZIP_STATUSES = ['building', 'ready', 'failed'] as const;
export type ZipStatus = (typeof ZIP_STATUSES)[number];

/** What one archive may hold: beyond this, a smaller folder is asked for (a Lambda builds it within minutes). */
export const MAX_ZIP_FILES = 1000;
export const MAX_ZIP_BYTES = 2 * 1024 ** 3;

/** How long a built archive stays: as long as the uploads bucket keeps what is under `exports/`. */
export const ZIP_DAYS = 1;

/** The paths of files in an archive: each once, a repeated one numbered before its extension ("a (2).pdf"). */
export function uniquePaths(paths: readonly string[]): string[] {
  const taken = new Set<string>();
  return paths.map((path) => {
    let candidate = path;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = path.replace(/(\.[^./]*)?$/, (ext) => ` (${n})${ext}`);
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
