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
  sort: TableSort<F>,
  onSort: (next: TableSort<F>) => void,
  options: { first?: 'ASC' | 'DESC'; numeric?: boolean } = {},
): TemplateResult {
  const active = sort.field === field;
  const next = active ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : (options.first ?? 'ASC');
  const mark = active ? (sort.direction === 'ASC' ? '▲' : '▼') : '↕';
  return html`<th
    scope="col"
    class=${options.numeric ? 'number' : nothing}
    aria-sort=${active ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : nothing}
  >
    <button type="button" class="sort" data-sort=${field} @click=${() => onSort({ field, direction: next })}>
      ${label}<span class="sort-mark" aria-hidden="true">${mark}</span>
    </button>
  </th>`;
}
