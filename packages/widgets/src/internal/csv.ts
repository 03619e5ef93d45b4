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

/** Offers `blob` to the reader as a file named `filename`. */
export function offerFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers `text` to the reader as a CSV file named `filename`. */
export function downloadCsv(filename: string, text: string): void {
  offerFile(filename, new Blob([text], { type: 'text/csv;charset=utf-8' }));
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
