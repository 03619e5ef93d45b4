import type { Writable } from 'node:stream';
import { excel } from '../shared/excel';

/** One cell of an exported list: what the export's columns take from a node. */
export type Cell = string | number | null;

/** A workbook written as its rows come (ExcelJS zips them in blocks, so bytes follow rows a little behind). */
export interface ListWorkbook {
  rows(rows: Cell[][]): Promise<void>;
  /** Writes the rest of the workbook; `output` has had all of it when this settles. */
  end(): Promise<void>;
}

/**
 * An exported list as an XLSX workbook, through ExcelJS's streaming writer: one worksheet, its header
 * row bold and frozen, each column as wide as its header asks (10 to 40 characters).
 */
export async function listWorkbook(output: Writable, header: string[], sheet: string): Promise<ListWorkbook> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Huhang';
  const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = header.map((name) => ({ header: name, width: Math.min(40, Math.max(10, name.length * 2 + 4)) }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).commit();
  return {
    async rows(rows) {
      for (const row of rows) worksheet.addRow(row.map((cell) => cell ?? null)).commit();
    },
    async end() {
      worksheet.commit();
      // Settles once `output` has finished, so every byte has been written to it.
      await workbook.commit();
    },
  };
}
