import { html, nothing, type TemplateResult } from 'lit';

/** The order of a table: the API's order field and direction. */
export interface TableSort<F extends string> {
  field: F;
  direction: 'ASC' | 'DESC';
}

/**
 * A column header that orders the table by its field: a button (so the keyboard reaches it), and
 * `aria-sort` on the column the table is ordered by, which screen readers announce. A first click on
 * a column orders it `first` (dates and counts read best largest first); the next click reverses it.
 */
export function sortableHeader<F extends string>(
  label: string,
  field: F,
  sort: TableSort<F> | null,
  onSort: (next: TableSort<F>) => void,
  options: { first?: 'ASC' | 'DESC'; numeric?: boolean } = {},
): TemplateResult {
  const current = sort?.field === field ? sort.direction : null;
  const next = current ? (current === 'ASC' ? 'DESC' : 'ASC') : (options.first ?? 'ASC');
  const mark = current ? (current === 'ASC' ? '▲' : '▼') : '↕';
  return html`<th
    scope="col"
    class=${options.numeric ? 'number' : nothing}
    aria-sort=${current ? (current === 'ASC' ? 'ascending' : 'descending') : nothing}
  >
    <button type="button" class="sort" data-sort=${field} @click=${() => onSort({ field, direction: next })}>
      ${label}<span class="sort-mark" aria-hidden="true">${mark}</span>
    </button>
  </th>`;
}

/**
 * A whole list, already loaded, in the order a sortable header asks for: text in the reader's
 * collation (pinyin order for Chinese), numbers as numbers; rows that tie keep the API's order, and
 * no sort (null) is the API's order.
 */
export function sortRows<R, F extends string>(
  rows: readonly R[],
  sort: TableSort<F> | null,
  keys: Record<F, (row: R) => string | number>,
  locale: string,
): R[] {
  if (!sort) return [...rows];
  const key = keys[sort.field];
  const collator = new Intl.Collator(locale, { numeric: true });
  const sign = sort.direction === 'ASC' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
  });
}
