import { readXlsx, templateXlsx } from '../imports/import.file';
import { listWorkbook } from './list-workbook';
import { reportWorkbook } from './report-workbook';

/**
 * What the workbook process does: every use of ExcelJS that takes its data whole and answers whole.
 * Each takes and returns what structured clone carries (plain objects, strings, numbers, Buffers).
 */
export const WORKBOOK_JOBS = { reportWorkbook, readXlsx, templateXlsx };

export type WorkbookJobs = typeof WORKBOOK_JOBS;

/**
 * Workbooks written as their data comes: each opens on an output stream, whose bytes go back to the
 * asking process as they are written, and answers an object whose methods the asking process calls
 * one after another (the XLSX list export, list-export.ts).
 */
export const WORKBOOK_STREAMS = { listWorkbook };

export type WorkbookStreams = typeof WORKBOOK_STREAMS;
