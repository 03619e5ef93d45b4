import type ExcelJS from 'exceljs';
import { excel } from '../shared/excel';
import type { ImportColumn } from './import.sheet';

/** A file's first sheet as text: the header row and the rows under it. */
export interface SheetText {
  header: string[];
  rows: string[][];
}

/** Why a file could not be read as a sheet. */
export class UnreadableFileError extends Error {}

const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

/** Whether the bytes are an XLSX (a zip) rather than text. */
export function isXlsx(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).equals(ZIP_MAGIC);
}

/**
 * The text of a CSV file: UTF-8 (with or without a byte-order mark), or GB 18030 as Excel saves CSV
 * on a Chinese Windows.
 */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF ends a row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new UnreadableFileError('CSV 文件中有未闭合的引号 (a quoted field is not closed)');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the text a person sees: a formula as `=…` (imports refuse formulas), a day as YYYY-MM-DD. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = (value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula;
    return `=${formula ?? ''}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String((value as { text: unknown }).text);
  if ('error' in value) return String(value.error);
  return String(value as unknown);
}

/** The first worksheet of an XLSX file as text. */
export async function readXlsx(bytes: Buffer): Promise<SheetText> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('无法读取此 Excel 文件，请另存为 .xlsx 后重试 (the file is not a readable .xlsx workbook)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('工作簿中没有工作表 (the workbook has no sheet)');
  const lines: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    lines.push(cells);
  }
  return split(lines);
}

function split(lines: string[][]): SheetText {
  const [header, ...rows] = lines;
  if (!header || header.every((cell) => !cell.trim())) throw new UnreadableFileError('第 1 行应为列名 (row 1 must hold the column names)');
  return { header: header.map((cell) => cell.replace(/^\uFEFF/, '').trim()), rows };
}

/** A CSV or XLSX file's first sheet as text; `xlsx` reads a workbook (the server's runs `readXlsx` in the workbook process). */
export async function readSheetFile(bytes: Buffer, xlsx: (bytes: Buffer) => Promise<SheetText> = readXlsx): Promise<SheetText> {
  if (bytes.length === 0) throw new UnreadableFileError('文件是空的 (the file is empty)');
  if (isXlsx(bytes)) return xlsx(bytes);
  return split(parseCsv(decodeCsv(bytes)));
}

/** Columns whose values look like numbers but are codes: kept as text so that leading zeros stay. */
const TEXT_KINDS = new Set(['creditCode', 'code', 'phone', 'date']);

/** The template of an import: the header row and an example row, as CSV (UTF-8 with a byte-order mark, for Excel). */
export function templateCsv(columns: ReadonlyArray<ImportColumn>): string {
  const line = (cells: string[]) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
  return `\uFEFF${line(columns.map((c) => c.headers[0]))}\r\n${line(columns.map((c) => c.example))}\r\n`;
}

/**
 * The template as XLSX: the header row (required columns marked), an example row to overwrite, code
 * columns formatted as text, and a second sheet of notes on each column.
 */
export async function templateXlsx(columns: ReadonlyArray<ImportColumn>, sheetName: string): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.headers[0],
    key: column.field,
    width: Math.max(12, column.headers[0].length * 2 + 4, column.example.length + 4),
    style: TEXT_KINDS.has(column.kind) ? { numFmt: '@' } : {},
  }));
  sheet.addRow(Object.fromEntries(columns.map((column) => [column.field, column.example])));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  columns.forEach((column, index) => {
    if (column.required) head.getCell(index + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  });
  const notes = workbook.addWorksheet('说明 Notes');
  notes.columns = [
    { header: '列 Column', width: 24 },
    { header: 'English', width: 24 },
    { header: '必填 Required', width: 14 },
    { header: '说明 Notes', width: 90 },
  ];
  for (const column of columns) notes.addRow([column.headers[0], column.headers[1], column.required ? '是 yes' : '否 no', column.note]);
  notes.addRow([]);
  notes.addRow([
    '',
    '',
    '',
    '第 1 行为列名，数据从第 2 行起；公式不导入，请粘贴为数值。Row 1 holds the headers; data starts on row 2; formulas are not imported.',
  ]);
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
