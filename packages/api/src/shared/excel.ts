import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * ExcelJS, loaded with the first workbook the server reads or writes. Most processes never make
 * one, and the library takes about 7.5 MB of heap (and more of RSS) from the moment it loads.
 */
export function excel(): Promise<typeof ExcelJS> {
  return (loading ??= import('exceljs').then((module) => module.default));
}
