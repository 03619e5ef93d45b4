import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type Credentials, type Document } from './client';
import { offerFile } from './csv';

/** A column of an exported list: its header, where its value lies in a row, and the words for coded values. */
export interface ExportColumn {
  header: string;
  /** Field names, dotted (`zone.name`). */
  path: string;
  /** Words for an enum's values or for `true` / `false`, in the reader's language. */
  labels?: Record<string, string>;
  /** A date-time written as Beijing time. */
  time?: 'beijing';
}

export type ExportFormat = 'csv' | 'xlsx';

export interface ListExport {
  format: ExportFormat;
  /** A query of one list that takes `$first` and `$after`. */
  document: Document<unknown, never>;
  variables: Record<string, unknown>;
  columns: ExportColumn[];
  /** Without its extension. */
  filename: string;
  sheet?: string;
  /** Rows per request the server asks of the API. */
  pageSize?: number;
}

/** The error a refused file request answered with (`{ errors: [{ message, extensions }] }`), as an ApiError. */
export async function failureOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  } | null;
  const first = body?.errors?.[0];
  if (!first) return new ApiError(response.status >= 500 ? 'network' : 'api', `HTTP ${response.status}`);
  return new ApiError('api', first.message, String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first.extensions ?? {});
}

/** Where a file route of the API lies: beside its /graphql endpoint. */
export function routeUrl(credentials: Pick<Credentials, 'endpoint'>, path: string): string {
  return new URL(path, new URL('.', credentials.endpoint)).href;
}

/**
 * A whole list as a file from the API's /export, which runs the list page by page as the signed-in
 * user (scoped, masked and audited as any answer) and streams CSV or XLSX. `progress` hears the rows
 * to come (from the first page) and the bytes received. A download cut off midway fails, so no
 * half-written file is offered.
 */
export async function downloadExport(
  credentials: Credentials,
  request: ListExport,
  progress: (received: number, rows: number | null) => void,
): Promise<number | null> {
  const url = routeUrl(credentials, 'export');
  const { document, ...rest } = request;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}) },
      body: JSON.stringify({ ...rest, query: document.toString() }),
    });
  } catch (error) {
    throw new ApiError('network', (error as Error).message || 'network error');
  }
  if (!response.ok) throw await failureOf(response);
  const total = response.headers.get('x-total-count');
  const rows = total && /^\d+$/.test(total) ? Number(total) : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  progress(0, rows);
  try {
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      progress(received, rows);
    }
  } catch (error) {
    throw new ApiError('network', (error as Error).message || 'the download was cut off');
  }
  const type = request.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  offerFile(`${request.filename}.${request.format}`, new Blob(chunks as BlobPart[], { type }));
  return rows;
}

/** How far an export has come: kilobytes received of the rows to come. */
export interface ExportProgress {
  done: number;
  total: number;
}

/**
 * An admin table's export: `downloadExport` with the table's credentials, telling `show` how far it
 * has come (undefined once it ended) and what to announce: progress, the rows exported, or why it failed.
 */
export async function exportWithProgress(
  sessions: { withCredentials<R>(work: (credentials: Credentials) => Promise<R>): Promise<R> },
  request: ListExport,
  words: { exporting(kb: number, total: number): string; exported(total: number): string },
  failure: (error: unknown) => string,
  show: (progress: ExportProgress | undefined, announcement?: string) => void,
): Promise<void> {
  show({ done: 0, total: 0 });
  try {
    const count = await sessions.withCredentials((credentials) =>
      downloadExport(credentials, request, (received, rows) => {
        const progress = { done: Math.ceil(received / 1024), total: rows ?? 0 };
        show(progress, words.exporting(progress.done, progress.total));
      }),
    );
    show(undefined, words.exported(count ?? 0));
  } catch (error) {
    show(undefined, failure(error));
  }
}

/** An admin table's two export buttons (CSV, Excel) and, while one runs, how far it has come. */
export function exportButtons(
  words: { export: string; exportXlsx: string; exporting(kb: number, total: number): string },
  progress: ExportProgress | undefined,
  start: (format: ExportFormat) => void,
): TemplateResult {
  return html`<button class="secondary" part="export-button" ?disabled=${!!progress} @click=${() => start('csv')}>${words.export}</button>
    <button class="secondary" part="export-xlsx-button" ?disabled=${!!progress} @click=${() => start('xlsx')}>${words.exportXlsx}</button>
    ${progress ? html`<span part="export-progress">${words.exporting(progress.done, progress.total)}</span>` : nothing}`;
}
