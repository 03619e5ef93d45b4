import { html } from 'lit';
import type { Translation } from '../translations/zh-CN';

/**
 * The cursors of the pages seen so far in a Relay list: the last one is the current page's `after`.
 * Going back pops, going on pushes the page's end cursor; a new filter starts again.
 */
export class CursorPages {
  private cursors: (string | null)[] = [null];

  constructor(private readonly changed: () => void) {}

  get after(): string | null {
    return this.cursors.at(-1) ?? null;
  }

  get page(): number {
    return this.cursors.length;
  }

  restart(): void {
    this.cursors = [null];
    this.changed();
  }

  /** Previous and next buttons, with `summary` before them. */
  render(
    t: Translation,
    list: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } },
    pageSize: number,
    summary: unknown,
  ) {
    return this.buttons(
      t,
      list.pageInfo.endCursor ?? null,
      list.pageInfo.hasNextPage,
      t.pager.page(this.page, Math.max(1, Math.ceil(list.totalCount / pageSize))),
      summary,
    );
  }

  /** The same for a list that does not count its rows: `endCursor` is null on its last page. */
  renderOpenEnded(t: Translation, endCursor: string | null, label: string, summary: unknown) {
    return this.buttons(t, endCursor, endCursor !== null, label, summary);
  }

  private buttons(t: Translation, endCursor: string | null, hasNextPage: boolean, label: string, summary: unknown) {
    return html`<nav class="pager" part="pager" aria-label=${label}>
      <span class="muted">${summary}</span>
      <button
        class="secondary"
        ?disabled=${this.page === 1}
        @click=${() => {
          this.cursors = this.cursors.slice(0, -1);
          this.changed();
        }}
      >
        ${t.pager.previous}
      </button>
      <button
        class="secondary"
        ?disabled=${!hasNextPage}
        @click=${() => {
          this.cursors = [...this.cursors, endCursor];
          this.changed();
        }}
      >
        ${t.pager.next}
      </button>
    </nav>`;
  }
}
