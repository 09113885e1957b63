import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, decimal, REQUEST_COLUMNS, requestLine } from './csv.ts';

describe('CSV cells (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['two\nlines', '"two\nlines"'],
    ['crlf\r\nline', '"crlf\r\nline"'],
    ['', ''],
    ['naïve café 数字 عربى', 'naïve café 数字 عربى'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves numbers and empty values alone', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('CSV injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
  ])('%j is neutralized as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('request lines', () => {
  it('end in CRLF and keep every column in the header’s order', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
    const line = requestLine({
      reference: 'SR-1042',
      title: '=cmd|’ /C calc’!A0',
      status: 'submitted',
      priority: 'high',
      clientName: 'Doe, John',
      serviceName: 'Tax',
      currency: 'USD',
      budgetMin: 30000,
      budgetMax: 45050,
      description: 'Two\nlines',
      requirements: [
        { label: 'Year', answer: '2025' },
        { label: 'Status', answer: 'Single' },
      ],
      attachedDocuments: [{ documentId: 'd-1', name: 'W-2 2025.pdf' }],
      attachments: ['bank statement.pdf'],
      createdAt: '2026-11-21T10:00:00.000Z',
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(line).toBe(
      `SR-1042,'=cmd|’ /C calc’!A0,submitted,high,"Doe, John",Tax,,300.00,450.50,USD,,"Two\nlines","Year: 2025\nStatus: Single","W-2 2025.pdf\nbank statement.pdf",2026-11-21T10:00:00.000Z,2026-11-21T10:00:00.000Z,,,\r\n`,
    );
    expect(REQUEST_COLUMNS).toHaveLength(19);
    expect(line.slice(0, -2).split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)).toHaveLength(19);
  });

  it('writes money in the currency’s own precision', () => {
    expect(decimal(123456, 'USD')).toBe('1234.56');
    expect(decimal(5000, 'JPY')).toBe('5000');
    expect(decimal(undefined, 'USD')).toBeUndefined();
  });
});
