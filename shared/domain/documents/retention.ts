/**
 * How long a firm keeps a removed document's files (issue 17; ADR 0029): whole years, 7 by
 * default, the time accounting records are kept. Each file carries the firm's period as a tag
 * from its upload, and the bucket's lifecycle expires a removed file by that tag.
 */
export const RETENTION_YEARS = { min: 1, max: 10, default: 7 } as const;

/** The object tag that carries a file's retention, in years. */
export const RETENTION_TAG = 'PortalRetentionYears';

export const retentionYearsOf = (firm: { documentRetentionYears?: number | undefined } | null | undefined) =>
  firm?.documentRetentionYears ?? RETENTION_YEARS.default;

/** S3's `tagging` field of a POST upload, giving the file its retention. */
export const retentionTagging = (years: number) => `<Tagging><TagSet><Tag><Key>${RETENTION_TAG}</Key><Value>${years}</Value></Tag></TagSet></Tagging>`;
/** The same tag as a request header (`x-amz-tagging`, a multipart upload's start) takes it: a query string. */
export const retentionTagHeader = (years: number) => `${RETENTION_TAG}=${years}`;
