import { readXlsx, templateXlsx } from '../imports/import.file';
import { reportWorkbook } from './report-workbook';

/**
 * What the workbook process does: every use of ExcelJS that takes its data whole and answers whole.
 * Each takes and returns what structured clone carries (plain objects, strings, numbers, Buffers).
 * The XLSX list export (list-export.ts) streams its rows as the pages come, and still writes them
 * in the server process.
 */
export const WORKBOOK_JOBS = { reportWorkbook, readXlsx, templateXlsx };

export type WorkbookJobs = typeof WORKBOOK_JOBS;
