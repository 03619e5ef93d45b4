import type { PeriodInput } from '@huhang/schema';

export type { PeriodInput };

const SHANGHAI = 'Asia/Shanghai';

/** Today on the Asia/Shanghai calendar, `YYYY-MM-DD`. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SHANGHAI, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function monthOffset(month: string, offset: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Reads a `period` attribute: `2026-10` (a month), `2026-Q3`, `2026`, `2026-01-01/2026-06-30`,
 * `last-month` (the default: the last complete month), `this-month` or `this-year`. Undefined when invalid.
 */
export function parsePeriod(text: string | undefined): PeriodInput | undefined {
  const value = (text ?? 'last-month').trim();
  const current = today().slice(0, 7);
  if (value === 'last-month') return { month: monthOffset(current, -1) };
  if (value === 'this-month') return { month: current };
  if (value === 'this-year') return { year: Number(current.slice(0, 4)) };
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return { month: value };
  if (/^\d{4}-Q[1-4]$/.test(value)) return { quarter: value };
  if (/^\d{4}$/.test(value)) return { year: Number(value) };
  const range = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (range) return { from: range[1], to: range[2] };
  return undefined;
}

/** The first days of the `months` months ending with `month` (inclusive), for a trend. */
export function monthsEnding(month: string, months: number): { from: string; to: string } {
  const first = monthOffset(month, -(months - 1));
  const after = monthOffset(month, 1);
  const last = new Date(Date.UTC(Number(after.slice(0, 4)), Number(after.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
  return { from: `${first}-01`, to: last };
}
