/**
 * CSV per RFC 4180 (comma-separated, CRLF line ends, fields with commas, quotes or line breaks
 * quoted, quotes doubled), safe to open in a spreadsheet: a text cell that a spreadsheet would
 * run as a formula (starting with = + - @, or a tab or carriage return) gets a leading
 * apostrophe (OWASP's CSV injection advice).
 */

import { requestAttachments, type Attachment } from '../documents/attachments.ts';

export type Cell = string | number | undefined | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** Minor units as a plain decimal in the currency's own precision ("1234.50"), for spreadsheets to sum. */
export function decimal(minor: number | undefined, currency: string): string | undefined {
  if (minor === undefined) return undefined;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

/** Every column of a request, in the order of the export's header. */
export interface ExportedRequest {
  reference: string;
  title: string;
  status: string;
  priority: string;
  clientName: string;
  serviceName: string;
  assigneeName?: string | undefined;
  budgetMin?: number | undefined;
  budgetMax?: number | undefined;
  currency: string;
  deadline?: string | undefined;
  description: string;
  requirements: readonly { label: string; answer: string }[];
  attachedDocuments?: readonly Attachment[] | undefined;
  attachments?: readonly string[] | undefined;
  createdAt: string;
  updatedAt: string;
  assignedAt?: string | undefined;
  completedAt?: string | undefined;
  clientApprovedAt?: string | undefined;
}

export const REQUEST_COLUMNS = [
  'Reference',
  'Title',
  'Status',
  'Priority',
  'Client',
  'Service',
  'Assigned to',
  'Budget from',
  'Budget up to',
  'Currency',
  'Deadline',
  'Description',
  'Answers',
  'Attachments',
  'Created',
  'Updated',
  'Assigned',
  'Completed',
  'Client approved',
];

export const requestLine = (r: ExportedRequest) =>
  csvLine([
    r.reference,
    r.title,
    r.status,
    r.priority,
    r.clientName,
    r.serviceName,
    r.assigneeName,
    decimal(r.budgetMin, r.currency),
    decimal(r.budgetMax, r.currency),
    r.currency,
    r.deadline,
    r.description,
    r.requirements.map((q) => `${q.label}: ${q.answer}`).join('\n'),
    requestAttachments(r)
      .map((a) => a.name)
      .join('\n'),
    r.createdAt,
    r.updatedAt,
    r.assignedAt,
    r.completedAt,
    r.clientApprovedAt,
  ]);
