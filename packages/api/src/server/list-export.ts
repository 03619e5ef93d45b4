import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Viewer } from '../access/viewer';
import { AccessErrorReason } from '../access/access.errors';
import { AccountErrorReason } from '../accounts/account.errors';
import { InputErrorReason } from '../shared/errors/reasons';
import { sendError } from './respond';
import { ANSWERED } from './guards';
import type { Cell } from './list-workbook';
import { workbookStream } from './workbook-process';

/**
 * Any admin list as a file (POST /export): a query whose one root field is a connection (`nodes`,
 * `pageInfo { hasNextPage endCursor }`) and takes `$first` and `$after`, with the columns to write.
 * The pages are run one after the other through the API as the signed-in user, each a GraphQL request
 * of its own: scoped to what the user may read, personal data masked as the API masks it for them,
 * and every personal value shown appended to the audit trail as it is for any other answer. Rows go
 * out as each page arrives (CSV, or XLSX written by ExcelJS's streaming writer in the workbook
 * process, workbook-process.ts); a page that fails
 * after the first cuts the download off, so no half-written file looks complete.
 */
export interface ListExportRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  format: 'csv' | 'xlsx';
  columns: ExportColumn[];
  /** The file's name without its extension; letters, digits, '-', '_' and '.'. */
  filename?: string;
  /** The worksheet's name (XLSX). */
  sheet?: string;
  /** Rows asked of the API per page, 1 to 100 (100). */
  pageSize?: number;
}

export interface ExportColumn {
  header: string;
  /** Where the value lies in a node: field names, dotted (`zone.name`); a list on the way is joined with '、'. */
  path: string;
  /** Words for the values (an enum's, or `true` / `false`), in the reader's language. */
  labels?: Record<string, string>;
  /** A DateTime written as Beijing time, `YYYY-MM-DD HH:mm`. */
  time?: 'beijing';
}

/** Rows per page asked of the API, at most and unless asked for fewer. */
export const EXPORT_PAGE_SIZE = 100;
const MAX_COLUMNS = 60;
const MAX_LABELS = 300;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,4}$/;

class ExportInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly reason: InputErrorReason = InputErrorReason.INVALID,
  ) {
    super(message);
  }
}

/** What the export needs of the GraphQL route: who asks, and one page run as a request of its own. */
export interface ListExportRoute {
  page(viewer: Viewer, request: { query: string; operationName?: string; variables: Record<string, unknown> }): Promise<PageResult>;
}

export interface PageResult {
  status: number;
  data: Record<string, unknown> | null;
  errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Checks the request and its document; the root field's response key. */
export function checkExport(body: unknown): { request: ListExportRequest; rootKey: string } {
  if (!body || typeof body !== 'object') throw new ExportInputError('body', 'A JSON object is needed', InputErrorReason.REQUIRED);
  const b = body as Record<string, unknown>;
  if (typeof b.query !== 'string' || !b.query.trim())
    throw new ExportInputError('query', '需要查询 (a query is needed)', InputErrorReason.REQUIRED);
  if (b.format !== 'csv' && b.format !== 'xlsx') throw new ExportInputError('format', '格式须为 csv 或 xlsx (format must be csv or xlsx)');
  if (b.operationName !== undefined && typeof b.operationName !== 'string')
    throw new ExportInputError('operationName', 'operationName must be a string');
  if (b.variables !== undefined && (typeof b.variables !== 'object' || b.variables === null || Array.isArray(b.variables)))
    throw new ExportInputError('variables', 'variables must be an object');
  if (b.filename !== undefined && (typeof b.filename !== 'string' || !/^[\w.-]{1,100}$/.test(b.filename)))
    throw new ExportInputError(
      'filename',
      '文件名只能含字母、数字、- _ . (filename: letters, digits, - _ . only, at most 100)',
      InputErrorReason.FORMAT,
    );
  if (b.sheet !== undefined && (typeof b.sheet !== 'string' || !/^[^\\/?*[\]:]{1,31}$/.test(b.sheet)))
    throw new ExportInputError('sheet', 'sheet: 1 to 31 characters, none of \\ / ? * [ ] :', InputErrorReason.FORMAT);
  if (
    b.pageSize !== undefined &&
    (!Number.isInteger(b.pageSize) || (b.pageSize as number) < 1 || (b.pageSize as number) > EXPORT_PAGE_SIZE)
  )
    throw new ExportInputError('pageSize', `pageSize: 1 to ${EXPORT_PAGE_SIZE}`, InputErrorReason.RANGE);
  if (!Array.isArray(b.columns) || b.columns.length === 0 || b.columns.length > MAX_COLUMNS)
    throw new ExportInputError('columns', `需要 1 至 ${MAX_COLUMNS} 列 (1 to ${MAX_COLUMNS} columns)`, InputErrorReason.RANGE);
  const columns = b.columns.map((column: unknown, i) => checkColumn(column, `columns.${i}`));
  const rootKey = rootFieldOf(b.query, b.operationName as string | undefined);
  return {
    request: {
      query: b.query,
      operationName: b.operationName as string | undefined,
      variables: (b.variables as Record<string, unknown> | undefined) ?? {},
      format: b.format,
      columns,
      filename: b.filename as string | undefined,
      sheet: b.sheet as string | undefined,
      pageSize: b.pageSize as number | undefined,
    },
    rootKey,
  };
}

function checkColumn(column: unknown, field: string): ExportColumn {
  if (!column || typeof column !== 'object')
    throw new ExportInputError(field, 'A column is an object: { header, path }', InputErrorReason.REQUIRED);
  const c = column as Record<string, unknown>;
  if (typeof c.header !== 'string' || c.header.length > 100)
    throw new ExportInputError(`${field}.header`, '列名须为至多 100 字 (a header of at most 100 characters)');
  if (typeof c.path !== 'string' || !PATH.test(c.path))
    throw new ExportInputError(`${field}.path`, '路径须为字段名，以点分隔 (a path of field names, dotted)', InputErrorReason.FORMAT);
  if (c.time !== undefined && c.time !== 'beijing') throw new ExportInputError(`${field}.time`, "time takes 'beijing'");
  if (c.labels !== undefined) {
    const labels = c.labels as Record<string, unknown>;
    if (typeof labels !== 'object' || labels === null || Array.isArray(labels) || Object.keys(labels).length > MAX_LABELS)
      throw new ExportInputError(`${field}.labels`, `labels: an object of at most ${MAX_LABELS} words`);
    for (const [key, value] of Object.entries(labels))
      if (typeof value !== 'string' || value.length > 100)
        throw new ExportInputError(`${field}.labels.${key}`, 'a word of at most 100 characters');
  }
  return { header: c.header, path: c.path, labels: c.labels as Record<string, string> | undefined, time: c.time as 'beijing' | undefined };
}

/** The operation's one root field, after checking it is a query that pages with `$first` and `$after`. */
function rootFieldOf(query: string, operationName?: string): string {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    throw new ExportInputError('query', `查询无法解析 (the query does not parse): ${(error as Error).message}`, InputErrorReason.FORMAT);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation)
    throw new ExportInputError('operationName', '找不到要运行的操作 (name the one operation to run)', InputErrorReason.REQUIRED);
  if (operation.operation !== 'query')
    throw new ExportInputError('query', '只能导出查询 (only a query can be exported)', InputErrorReason.NOT_ALLOWED);
  const variables = new Set(operation.variableDefinitions?.map((v) => v.variable.name.value));
  if (!variables.has('first') || !variables.has('after'))
    throw new ExportInputError(
      'query',
      '查询须接受 $first 与 $after 以便分页 (the query must take $first and $after)',
      InputErrorReason.RULE,
    );
  const fields = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
  if (fields.length !== 1 || operation.selectionSet.selections.length !== 1)
    throw new ExportInputError(
      'query',
      '查询须只有一个根字段，即一个列表 (the query must have one root field, a list)',
      InputErrorReason.RULE,
    );
  return fields[0]!.alias?.value ?? fields[0]!.name.value;
}

/** The value at `path` in `node`, as a cell; through a list, the values joined with '、'. */
export function cellOf(node: unknown, column: ExportColumn): Cell {
  const found = valuesAt(node, column.path.split('.'));
  const cells = found.values
    .filter((value) => value !== null && value !== undefined)
    .map((value): Cell => {
      if (column.labels && Object.hasOwn(column.labels, String(value))) return column.labels[String(value)]!;
      if (column.time === 'beijing' && typeof value === 'string') return beijingTime(value);
      if (typeof value === 'number') return value;
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
    });
  if (cells.length === 0) return null;
  return found.list ? cells.join('、') : cells[0]!;
}

function valuesAt(value: unknown, path: readonly string[]): { values: unknown[]; list: boolean } {
  if (Array.isArray(value)) return { values: value.flatMap((item) => valuesAt(item, path).values), list: true };
  if (path.length === 0) return { values: [value], list: false };
  if (!value || typeof value !== 'object') return { values: [], list: false };
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

const BEIJING = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function beijingTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : BEIJING.format(at);
}

/** A CSV cell (RFC 4180); text a spreadsheet would run as a formula gets an apostrophe first. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface Sink {
  rows(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
  /** The download was cut off: drop what is unfinished. */
  abort(): void;
}

/** Waits while the response's buffer is full; a response that closes (the client left) stops the wait. */
async function drained(res: ServerResponse): Promise<void> {
  if (!res.writableNeedDrain || res.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function write(res: ServerResponse, chunk: string): Promise<void> {
  res.write(chunk);
  await drained(res);
}

function csvSink(res: ServerResponse, header: string[]): Sink {
  let started = false;
  return {
    async rows(rows) {
      const lines = rows.map((row) => row.map(csvCell).join(','));
      if (!started) lines.unshift(header.map(csvCell).join(','));
      await write(res, `${started ? '' : '\uFEFF'}${lines.map((line) => `${line}\r\n`).join('')}`);
      started = true;
    },
    async end() {
      if (!started) await write(res, `\uFEFF${header.map(csvCell).join(',')}\r\n`);
      res.end();
    },
    abort() {},
  };
}

async function xlsxSink(res: ServerResponse, header: string[], sheet: string): Promise<Sink> {
  const workbook = await workbookStream('listWorkbook', (bytes) => res.write(bytes), header, sheet);
  return {
    async rows(rows) {
      await workbook.call('rows', rows);
      await drained(res);
    },
    async end() {
      await workbook.call('end');
      res.end();
    },
    abort: () => workbook.abort(),
  };
}

export const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  BAD_REQUEST: 400,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Files are for signed-in users: no credentials get 401 with a Bearer challenge, an embed key 403.
 * `action` says what was refused, in Chinese and English.
 */
export function refuseUnlessUser(res: ServerResponse, viewer: Viewer, action: { zh: string; en: string }): typeof ANSWERED | void {
  if (viewer.kind === 'USER') return;
  const anonymous = viewer.kind === 'ANONYMOUS';
  sendError(
    res,
    anonymous ? 401 : 403,
    anonymous ? `请先登录才能${action.zh} (sign in to ${action.en})` : `嵌入密钥不能${action.zh} (an embed key cannot ${action.en})`,
    {
      code: anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      reason: anonymous ? AccountErrorReason.CREDENTIALS_REQUIRED : AccessErrorReason.OPERATION_NOT_ALLOWED,
    },
    anonymous ? { 'www-authenticate': 'Bearer' } : {},
  );
  return ANSWERED;
}

/** POST /export for a viewer the guards admitted, with the request's parsed body. */
export async function serveListExport(
  route: ListExportRoute,
  viewer: Viewer,
  body: unknown,
  res: ServerResponse,
  req: IncomingMessage,
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'POST a JSON body to /export', { code: 'BAD_REQUEST' }, { allow: 'POST, OPTIONS' });
    return;
  }
  if (refuseUnlessUser(res, viewer, { zh: '导出列表', en: 'export a list' }) === ANSWERED) return;
  let checked: ReturnType<typeof checkExport>;
  try {
    checked = checkExport(body);
  } catch (error) {
    if (!(error instanceof ExportInputError)) throw error;
    sendError(res, 400, error.message, { code: 'BAD_USER_INPUT', field: error.field, reason: error.reason });
    return;
  }
  const { request, rootKey } = checked;
  const header = request.columns.map((c) => c.header);
  let sink: Sink | null = null;
  try {
    for (let after: string | null = null; ; ) {
      if (sink && res.destroyed) {
        // The client left: write no more.
        sink.abort();
        return;
      }
      const page = await route.page(viewer, {
        query: request.query,
        operationName: request.operationName,
        variables: { ...request.variables, first: request.pageSize ?? EXPORT_PAGE_SIZE, after },
      });
      const connection = page.data?.[rootKey] as
        | { nodes?: unknown; pageInfo?: { hasNextPage?: unknown; endCursor?: unknown } }
        | null
        | undefined;
      const failed = page.errors.length > 0 || !connection || !Array.isArray(connection.nodes) || !connection.pageInfo;
      if (failed) {
        if (sink) {
          // Rows are out already: cut the download off, so that it fails rather than ends early.
          sink.abort();
          res.destroy();
          return;
        }
        const first = page.errors[0];
        const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'BAD_USER_INPUT';
        const extensions = first?.extensions ?? { code, field: 'query', reason: InputErrorReason.RULE };
        const status = page.status >= 400 ? page.status : (STATUS_OF_CODE[code] ?? 400);
        sendError(
          res,
          status,
          first?.message ?? '根字段须为带 nodes 与 pageInfo 的列表 (the root field must be a list with nodes and pageInfo)',
          extensions,
        );
        return;
      }
      if (!sink) {
        const extension = request.format;
        const name = `${request.filename ?? 'huhang-export'}.${extension}`;
        res.writeHead(200, {
          'content-type':
            extension === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          'cache-control': 'no-store',
          'x-total-count': String((connection as { totalCount?: unknown }).totalCount ?? ''),
        });
        sink = extension === 'csv' ? csvSink(res, header) : await xlsxSink(res, header, request.sheet ?? 'Huhang');
      }
      const nodes = connection.nodes as unknown[];
      await sink.rows(nodes.map((node) => request.columns.map((column) => cellOf(node, column))));
      const { hasNextPage, endCursor } = connection.pageInfo!;
      if (hasNextPage !== true || typeof endCursor !== 'string' || nodes.length === 0) break;
      after = endCursor;
    }
    await sink!.end();
  } catch (error) {
    (sink as Sink | null)?.abort();
    throw error;
  }
}
