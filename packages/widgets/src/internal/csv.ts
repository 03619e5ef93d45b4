/**
 * CSV of what a widget shows (RFC 4180): every cell quoted when it must be, a cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or carriage return) prefixed with an
 * apostrophe, and a UTF-8 byte-order mark so that Excel reads Chinese text as it is.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Offers `text` to the reader as a file named `filename`. */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One page of a list as the API answers it. */
export interface ListPage<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: N[];
}

/**
 * Every node of a list, page after page from `page(after)`, telling `progress` how far it has come:
 * what an admin table exports, read as the signed-in user reads it.
 */
export async function everyPage<N>(
  page: (after: string | null) => Promise<ListPage<N>>,
  progress: (done: number, total: number) => void,
): Promise<N[]> {
  const nodes: N[] = [];
  for (let after: string | null = null; ; ) {
    const next = await page(after);
    nodes.push(...next.nodes);
    progress(nodes.length, next.totalCount);
    if (!next.pageInfo.hasNextPage || !next.pageInfo.endCursor) return nodes;
    after = next.pageInfo.endCursor;
  }
}

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A time as a spreadsheet reads it: `2026-09-30 18:00`, Beijing time (the program's). */
export function csvTime(iso: string | null | undefined): string | null {
  return iso ? SHANGHAI.format(new Date(iso)) : null;
}

type Cell = string | number | null;

/**
 * A list exported as one CSV file: every page as the signed-in user reads it, a row per node under
 * `header`, progress told as it goes. Answers how many rows it wrote; a failure throws before any
 * file is offered, so nothing half-done is kept.
 */
export async function exportList<N>(options: {
  page: (after: string | null) => Promise<ListPage<N>>;
  header: readonly Cell[];
  row: (node: N) => Cell[];
  filename: string;
  progress: (done: number, total: number) => void;
}): Promise<number> {
  const nodes = await everyPage(options.page, options.progress);
  downloadCsv(options.filename, toCsv([options.header, ...nodes.map(options.row)]));
  return nodes.length;
}
