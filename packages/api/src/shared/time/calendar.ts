/** Calendar helpers on the Asia/Shanghai calendar (UTC+8, no daylight saving). */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in an IANA time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  if (timeZone === 'Asia/Shanghai') return todayInShanghai(now);
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** First day of the month `months - 1` months before the month of `end`. */
export function windowStart(end: string, months: number): string {
  const [year, month] = end.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - (months - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Months of the window as their first days. */
export function monthsOf(start: string, end: string): string[] {
  const out: string[] = [];
  let [year, month] = start.split('-').map(Number) as [number, number];
  for (;;) {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    if (first > end) return out;
    out.push(first);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

export function lastDayOfMonth(first: string): string {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The instant of a Shanghai wall-clock time on `date`. */
export function shanghaiTime(date: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + (hour * 60 + minute) * 60_000);
}
