import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Viewer } from '../access/viewer';
import { InputErrorReason } from '../shared/errors/reasons';
import { IMPORT_COLUMNS } from '../imports/import.columns';
import { ImportKind } from '../imports/import.types';
import { readSheetFile, templateCsv, UnreadableFileError, type SheetText } from '../imports/import.file';
import { ANSWERED, readFileBody } from './guards';
import { refuseUnlessUser, STATUS_OF_CODE, type PageResult } from './list-export';
import { sendError, sendJson } from './respond';
import { workbookJob } from './workbook-process';

/**
 * Spreadsheets in (POST /import) and their templates (GET /import/template). The file is read into
 * its header and rows here; the rows are then checked and written by the `importRecords` mutation,
 * run through the API as the signed-in user (scoped, validated and audited as any mutation).
 */
export interface FileImportRoute {
  maxBytes: number;
  maxRows: number;
  /** Runs the mutation as `viewer`. */
  run(viewer: Viewer, request: { query: string; variables: Record<string, unknown> }): Promise<PageResult>;
}

const KINDS: Record<string, ImportKind> = {
  enterprises: ImportKind.ENTERPRISES,
  officers: ImportKind.OFFICERS,
  'liaison-assignments': ImportKind.LIAISON_ASSIGNMENTS,
};

const FILE_NAMES: Record<ImportKind, string> = {
  [ImportKind.ENTERPRISES]: '企业名册导入模板',
  [ImportKind.OFFICERS]: '民警名册导入模板',
  [ImportKind.LIAISON_ASSIGNMENTS]: '挂钩关系导入模板',
};

export const IMPORT_MUTATION = `mutation ImportRecords($input: ImportInput!) {
  importRecords(input: $input) {
    kind dryRun committed rowCount created updated unchanged
    problems { row column field code reason message }
  }
}`;

function kindOf(url: URL, res: ServerResponse): ImportKind | typeof ANSWERED {
  const name = url.searchParams.get('kind') ?? '';
  const kind = KINDS[name] ?? (Object.values(ImportKind) as string[]).find((k) => k === name);
  if (kind) return kind as ImportKind;
  sendError(res, 400, `kind 应为 ${Object.keys(KINDS).join('、')} 之一 (kind must be one of ${Object.keys(KINDS).join(', ')})`, {
    code: 'BAD_USER_INPUT',
    field: 'kind',
    reason: InputErrorReason.ISIN,
  });
  return ANSWERED;
}

/** GET /import/template?kind=enterprises&format=xlsx|csv: the header row, an example row and notes on each column. */
export async function serveImportTemplate(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const kind = kindOf(url, res);
  if (kind === ANSWERED) return;
  const format = url.searchParams.get('format') ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') {
    sendError(res, 400, 'format 应为 xlsx 或 csv (format must be xlsx or csv)', {
      code: 'BAD_USER_INPUT',
      field: 'format',
      reason: InputErrorReason.ISIN,
    });
    return;
  }
  const columns = IMPORT_COLUMNS[kind];
  const body = format === 'csv' ? Buffer.from(templateCsv(columns), 'utf8') : await workbookJob('templateXlsx', columns, '导入 Import');
  const name = `${FILE_NAMES[kind]}.${format}`;
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${kind.toLowerCase()}-template.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'content-length': body.length,
    'cache-control': 'public, max-age=3600',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * POST /import?kind=enterprises&parkId=…&dryRun=false with the XLSX or CSV file as the body (any
 * content type): a report of every problem by row and column, and what was (or would be) created,
 * updated and left unchanged. 200 for a dry run or a committed import; 422 when rows have problems
 * and nothing was written.
 */
export async function serveFileImport(
  route: FileImportRoute,
  viewer: Viewer,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(
      res,
      405,
      'POST the file to /import (GET /import/template for a template)',
      { code: 'BAD_REQUEST' },
      { allow: 'POST, OPTIONS' },
    );
    return;
  }
  if (refuseUnlessUser(res, viewer, { zh: '导入', en: 'import' }) === ANSWERED) return;
  const kind = kindOf(url, res);
  if (kind === ANSWERED) return;
  const dryRunText = url.searchParams.get('dryRun') ?? 'true';
  if (dryRunText !== 'true' && dryRunText !== 'false') {
    sendError(res, 400, 'dryRun 应为 true 或 false (dryRun must be true or false)', {
      code: 'BAD_USER_INPUT',
      field: 'dryRun',
      reason: InputErrorReason.INVALID,
    });
    return;
  }
  const bytes = await readFileBody(req, res, route.maxBytes);
  if (bytes === ANSWERED) return;
  let sheet: SheetText;
  try {
    sheet = await readSheetFile(bytes, (xlsx) => workbookJob('readXlsx', xlsx));
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    sendError(res, 400, error.message, { code: 'BAD_USER_INPUT', field: 'file', reason: InputErrorReason.FORMAT });
    return;
  }
  // Trailing empty rows (a sheet's formatting often reaches further than its data) do not count.
  while (sheet.rows.length && sheet.rows[sheet.rows.length - 1]!.every((cell) => !cell.trim())) sheet.rows.pop();
  if (sheet.rows.length > route.maxRows) {
    sendError(res, 400, `一次最多导入 ${route.maxRows} 行，此文件有 ${sheet.rows.length} 行 (at most ${route.maxRows} rows per import)`, {
      code: 'BAD_USER_INPUT',
      field: 'file',
      reason: InputErrorReason.ARRAYMAXSIZE,
    });
    return;
  }
  const width = sheet.header.length;
  const input = {
    kind,
    parkId: url.searchParams.get('parkId') || undefined,
    programId: url.searchParams.get('programId') || undefined,
    header: sheet.header,
    rows: sheet.rows.map((row) => row.slice(0, width)),
    dryRun: dryRunText === 'true',
  };
  const result = await route.run(viewer, { query: IMPORT_MUTATION, variables: { input } });
  const report = result.data?.importRecords as { committed: boolean; dryRun: boolean } | undefined;
  if (result.errors.length > 0 || !report) {
    const first = result.errors[0];
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    const status = result.status >= 400 ? result.status : (STATUS_OF_CODE[code] ?? 500);
    const extensions = { ...(first?.extensions ?? { code }) };
    // The mutation's fields are the file's parameters here.
    if (typeof extensions.field === 'string') extensions.field = extensions.field.replace(/^input\./, '');
    sendError(res, status, first?.message ?? 'Import failed', extensions);
    return;
  }
  sendJson(res, report.dryRun || report.committed ? 200 : 422, report, { 'cache-control': 'no-store' });
}
