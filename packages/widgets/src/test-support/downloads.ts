import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';

/** One downloaded list: the name offered, and its rows (the header first) as text. */
export interface DownloadedList {
  filename: string;
  rows: string[][];
}

/** The cells of CSV text: quoted fields with doubled quotes, commas and CRLF between them. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Clicks the widget's CSV export button and reads the file it offers. */
export async function downloadCsv(page: Page, widget: Locator): Promise<DownloadedList> {
  const [download] = await Promise.all([page.waitForEvent('download'), widget.locator('[part="export-button"]').click()]);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  return { filename: download.suggestedFilename(), rows: parseCsv(text) };
}

/** Clicks the widget's Excel export button and reads the first sheet's cells as text, with the sheet's name. */
export async function downloadXlsx(page: Page, widget: Locator): Promise<DownloadedList & { sheet: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), widget.locator('[part="export-xlsx-button"]').click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const value = row.getCell(i).value;
      cells.push(value == null ? '' : String(value));
    }
    rows.push(cells);
  });
  return { filename: download.suggestedFilename(), sheet: sheet.name, rows };
}
