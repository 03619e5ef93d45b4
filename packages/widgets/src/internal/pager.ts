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
    list: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } },
    pageSize: number,
    summary: unknown,
  ) {
    const pages = Math.max(1, Math.ceil(list.totalCount / pageSize));
    return html`<nav class="pager" part="pager" aria-label=${t.pager.page(this.page, pages)}>
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
        ?disabled=${!list.pageInfo.hasNextPage}
        @click=${() => {
          this.cursors = [...this.cursors, list.pageInfo.endCursor];
          this.changed();
        }}
      >
        ${t.pager.next}
      </button>
    </nav>`;
  }
}
