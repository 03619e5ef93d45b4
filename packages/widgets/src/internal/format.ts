/** A measured value as the API sends it (the `ShownValue` fragment). */
export interface Measured {
  value: number | null;
  display: string;
  applicable: boolean;
  suppressed: boolean;
  unit: string;
  unitLabel: { text: string };
}

const SHANGHAI = 'Asia/Shanghai';
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/**
 * A value in the reader's language. Suppressed (`<3`), inapplicable and missing values keep the
 * API's own text; numbers go through Intl: percentages, counts, minutes, scores.
 */
/** The decimals of the API's display string ("4.25" → 2, "33.3%" → 1, "12" → 0). */
function decimalsOf(display: string): number {
  return /\.(\d+)/.exec(display)?.[1]?.length ?? 0;
}

/**
 * A measured value in the reader's language, with exactly the decimals of the API's `display`: the
 * API chooses them so that the number shown reads as its status says, and the widgets never round
 * again (4.25 stays 4.25, 0.33 a month is not "0").
 */
export function formatMeasured(measured: Measured, locale: string): string {
  if (measured.suppressed || measured.value === null || !measured.applicable) return measured.display;
  const value = measured.value;
  const digits = decimalsOf(measured.display);
  const exactly = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  switch (measured.unit) {
    case 'PERCENT':
      return numberFormat(locale, { style: 'percent', ...exactly }).format(value / 100);
    case 'MINUTES':
      return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short', ...exactly }).format(value);
    default:
      return numberFormat(locale, exactly).format(value);
  }
}

/** The unit shown beside a number where Intl has not already written one (次, 分, …). */
export function unitBeside(measured: Measured): string {
  if (measured.suppressed || measured.value === null || !measured.applicable) return '';
  return measured.unit === 'PERCENT' || measured.unit === 'MINUTES' ? '' : measured.unitLabel.text;
}

export function formatNumber(value: number, locale: string, fractionDigits = 0): string {
  return numberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A calendar day (`YYYY-MM-DD`) or an instant, in the reader's language on the Shanghai calendar. */
export function formatDate(value: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale, { timeZone: SHANGHAI, ...options }).format(date);
}

export function formatDateTime(value: string, locale: string): string {
  return formatDate(value, locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A month such as 2026年10月 / Oct 2026 from its first day. */
export function formatMonth(firstDay: string, locale: string, style: 'long' | 'short' = 'long'): string {
  return formatDate(firstDay, locale, { year: 'numeric', month: style });
}

/** How a statistics period reads: a month by its name, anything else as a range of days. */
export function formatPeriod(period: { kind?: string; from: string; to: string }, locale: string, range: (a: string, b: string) => string) {
  const wholeMonth = period.from.endsWith('-01') && period.from.slice(0, 7) === period.to.slice(0, 7);
  if (period.kind === 'MONTH' || (!period.kind && wholeMonth)) return formatMonth(period.from, locale);
  if (period.kind === 'YEAR') return formatDate(period.from, locale, { year: 'numeric' });
  return range(formatDate(period.from, locale), formatDate(period.to, locale));
}
