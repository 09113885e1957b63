/**
 * What a document's file may be (issue 17): at most 100 MB (the upload schema's limit), one of the types firms exchange,
 * with a name that is safe everywhere it is shown or saved. The type is judged from the
 * content's first bytes, not only from the extension, once the file has been scanned.
 */

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_NAME_LENGTH = 255;

/** Each allowed extension, its media type, and how its content starts. */
export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', content: 'pdf' },
  doc: { mime: 'application/msword', content: 'ole' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: 'zip' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: 'zip' },
  jpg: { mime: 'image/jpeg', content: 'jpeg' },
  jpeg: { mime: 'image/jpeg', content: 'jpeg' },
  png: { mime: 'image/png', content: 'png' },
  txt: { mime: 'text/plain', content: 'text' },
  csv: { mime: 'text/csv', content: 'text' },
} as const;
export type FileExtension = keyof typeof FILE_TYPES;

/** What a browser shows by itself, so a preview opens in a tab rather than downloading. */
export const PREVIEWABLE_MIME_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png', 'text/plain', 'text/csv'];
/** What can be compared line by line. */
export const TEXT_MIME_TYPES: readonly string[] = ['text/plain', 'text/csv'];
export const FILE_EXTENSIONS = Object.keys(FILE_TYPES) as FileExtension[];
type Content = (typeof FILE_TYPES)[FileExtension]['content'];

/** How many first bytes `contentMatches` needs. */
export const SNIFF_BYTES = 4096;

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

const looksLike: Record<Content, (bytes: Uint8Array) => boolean> = {
  pdf: (b) => startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2d), // %PDF-
  ole: (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
  zip: (b) => startsWith(b, 0x50, 0x4b, 0x03, 0x04),
  jpeg: (b) => startsWith(b, 0xff, 0xd8, 0xff),
  png: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  // Text: UTF-8 (a multi-byte character cut at the end of the sample is fine) without NUL bytes.
  text: (b) => !b.includes(0) && isUtf8Prefix(b),
};

function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 3)));
    return true;
  } catch {
    return false;
  }
}

export const extensionOf = (name: string): FileExtension | undefined => {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return name.includes('.') && ext in FILE_TYPES ? (ext as FileExtension) : undefined;
};

/** Whether the file's first bytes are what its extension says (an .exe renamed .pdf is not). */
export const contentMatches = (ext: FileExtension, firstBytes: Uint8Array) => looksLike[FILE_TYPES[ext].content](firstBytes);

/** C0 and C1 controls, and the bidirectional overrides that disguise an extension. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** What a file name must be, each rule with the reason it fails; checked in this order. */
export const NAME_RULES: readonly (readonly [(name: string) => boolean, string])[] = [
  [(name) => name.trim() !== '', 'is required'],
  [(name) => [...name].length <= MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`],
  [(name) => !CONTROLS.test(name), 'must not contain control characters'],
  [(name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'must be a file name, not a path'],
  [(name) => !!extensionOf(name), `must end in one of: ${FILE_EXTENSIONS.map((e) => `.${e}`).join(', ')}`],
];

/** Why a file name cannot be used (the first rule it fails), or nothing. */
export const nameProblem = (name: string): string | undefined => NAME_RULES.find(([holds]) => !holds(name))?.[1];

/** The kinds of file a search can ask for, each the types it covers. */
export const FILE_KINDS = {
  pdf: ['application/pdf'],
  image: ['image/jpeg', 'image/png'],
  word: [FILE_TYPES.doc.mime, FILE_TYPES.docx.mime],
  spreadsheet: [FILE_TYPES.xlsx.mime, FILE_TYPES.csv.mime],
  text: [FILE_TYPES.txt.mime],
} as const satisfies Record<string, readonly string[]>;
export type FileKind = keyof typeof FILE_KINDS;
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as FileKind[];
