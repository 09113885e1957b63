/** A file's size as people read it: kilobytes below a megabyte, megabytes above, in the reader's language. */
export const sizeText = (bytes: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: bytes < 1024 * 1024 ? 'kilobyte' : 'megabyte', maximumFractionDigits: 1 }).format(
    bytes < 1024 * 1024 ? bytes / 1024 : bytes / 1024 / 1024,
  );
