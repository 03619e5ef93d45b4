import type { Role, UserRowFragment } from '@huhang/schema';
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HuhangEvent } from '../../events/events';
import { DisableUserDocument, ResetTwoFactorDocument, UserExportDocument, UsersAdminDocument } from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { ApiError } from '../../internal/client';
import { describeFailure, rowAction } from '../../internal/form';
import { formatDate, formatDateTime } from '../../internal/format';
import { exportButtons, exportWithProgress, type ExportFormat, type ExportProgress } from '../../internal/list-export';
import { CursorPages } from '../../internal/pager';
import { sortableHeader, type TableSort } from '../../internal/table';
import { today } from '../../internal/period';
import { QueryController } from '../../internal/query';
import { rowActionStyles } from '../../internal/styles';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { ROLES, UserForm, rolesGiven } from './user-form';
import { usersStyles } from './users.styles';
import { USERS_WORDS, type UsersWords } from './users.words';

/** The columns the API orders users by. */
type UserSortField = 'USERNAME' | 'DISPLAY_NAME';

/**
 * @summary The users (用户) an administrator manages: searched by name and filtered by role, each
 * with what it administers, its last sign-in and whether it is disabled; a user created with the
 * parks, programs or officer record its role needs, disabled (its sessions end at once), or — by a
 * system administrator — its second factor reset after a lost phone. Ordered by username or display
 * name, each way, from the column headers. Program administrators manage
 * the park administrators and officers of their programs; system administrators everyone.
 *
 * @event huhang-user-changed - A user was created, disabled or had its second factor reset; `detail` is the user's id.
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The users.
 * @csspart pager - The previous and next buttons with the page summary.
 * @csspart banner - The outcome of creating a user.
 * @csspart field-error - A field's error.
 * @csspart not-permitted - Said to a user whose role manages no users.
 */
@customElement('huhang-users')
export class HuhangUsers extends HuhangAdminElement {
  static override styles = [...HuhangAdminElement.styles, rowActionStyles, usersStyles];

  /** Users per page (5–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private search = '';
  @state() private roleFilter: Role | '' = '';
  @state() private sort: TableSort<UserSortField> = { field: 'USERNAME', direction: 'ASC' };
  @state() private announcement = '';
  @state() private failure = '';
  @state() private exporting?: ExportProgress;

  private readonly pages = new CursorPages(() => this.requestUpdate());

  private readonly users = new QueryController(this, UsersAdminDocument, () =>
    this.signedIn
      ? {
          filter: this.filter(),
          orderBy: this.sort,
          first: Math.max(5, Math.min(100, this.pageSize || 20)),
          after: this.pages.after,
        }
      : 'sign-in',
  );

  private readonly onSort = (next: TableSort<UserSortField>) => {
    this.sort = next;
    this.pages.restart();
  };

  /** The list's filter, as the table and the export ask for it. */
  private filter() {
    return { search: this.search.trim() || null, role: this.roleFilter || null };
  }

  /** Every user of the list as filtered, as CSV or Excel, from the API's /export (scoped and audited as any answer). */
  private async exportAs(format: ExportFormat) {
    if (this.exporting) return;
    const w = this.words;
    const time = 'beijing' as const;
    await exportWithProgress(
      this.sessions,
      {
        format,
        document: UserExportDocument as never,
        variables: { filter: this.filter(), orderBy: this.sort },
        columns: [
          { header: w.username, path: 'username' },
          { header: w.displayName, path: 'displayName' },
          { header: w.role, path: 'role', labels: w.roles },
          { header: w.programsColumn, path: 'programs.name' },
          { header: w.parks, path: 'parks.name' },
          { header: w.officerColumn, path: 'officer.name' },
          { header: w.lastLogin, path: 'lastLoginAt', time },
          { header: w.disabledAt, path: 'disabledAt', time },
        ],
        filename: `huhang-users-${today()}`,
        sheet: w.title,
      },
      w,
      (error) => describeFailure(error, this.t),
      (progress, announcement) => {
        this.exporting = progress;
        if (announcement) this.announcement = announcement;
      },
    );
  }

  private get words(): UsersWords {
    return USERS_WORDS[this.t.$code] ?? USERS_WORDS['zh-CN']!;
  }

  private readonly form = new UserForm(this, {
    words: () => this.words,
    viewerRole: () => this.viewerRole,
    parks: () => this.users.data?.parks.nodes ?? [],
    programs: () => this.users.data?.programs.nodes ?? [],
    created: async (user) => {
      this.announcement = this.words.created(user.username);
      this.changed(user.id);
      await this.users.retry();
    },
  });

  private get viewerRole(): Role | undefined {
    return this.session.user?.role;
  }

  /** Whether the viewer may act on this user: not on itself, and only on the roles it may give. */
  private mayChange(user: UserRowFragment): boolean {
    return user.id !== this.session.user?.id && rolesGiven(this.viewerRole).includes(user.role);
  }

  private changed(id: string) {
    this.dispatchEvent(new HuhangEvent('huhang-user-changed', id));
  }

  private async disable(user: UserRowFragment) {
    const w = this.words;
    if (!confirm(w.confirmDisable(user.username))) return;
    await this.act(user, async () => {
      await this.mutate(DisableUserDocument, { input: { id: user.id, version: user.version } });
      this.announcement = w.disabled(user.username);
    });
  }

  private async resetTwoFactor(user: UserRowFragment) {
    const w = this.words;
    if (!confirm(w.confirmReset(user.username))) return;
    await this.act(user, async () => {
      await this.mutate(ResetTwoFactorDocument, { input: { userId: user.id } });
      this.announcement = w.reset(user.username);
    });
  }

  private act(user: UserRowFragment, work: () => Promise<void>) {
    return rowAction(
      this.t,
      (failure) => (this.failure = failure),
      work,
      () => {
        this.changed(user.id);
        return this.users.retry();
      },
    );
  }

  private renderGrants(user: UserRowFragment) {
    const names = [...user.programs, ...user.parks].map((g) => g.name);
    if (user.officer) names.push(user.officer.name);
    return names.length ? names.join('、') : html`<span class="muted">—</span>`;
  }

  private renderState(user: UserRowFragment) {
    const w = this.words;
    const locale = this.resolvedLocale;
    return html`${user.disabledAt ? html`<span class="disabled">${w.disabledOn(formatDate(user.disabledAt, locale))}</span>` : w.active}
    ${user.twoFactorEnabled === null || user.twoFactorEnabled === undefined
      ? nothing
      : html`<span class="muted second">${user.twoFactorEnabled ? w.twoFactorOn : w.twoFactorOff}</span>`}`;
  }

  private renderActions(user: UserRowFragment) {
    const w = this.words;
    if (!this.mayChange(user)) return nothing;
    return html`<div class="act">
      ${user.disabledAt
        ? nothing
        : html`<button class="secondary" aria-label="${w.disable}: ${user.username}" @click=${() => this.disable(user)}>
            ${w.disable}
          </button>`}
      ${this.viewerRole === 'SYSTEM_ADMIN' && user.twoFactorEnabled
        ? html`<button class="secondary" aria-label="${w.resetTwoFactor}: ${user.username}" @click=${() => this.resetTwoFactor(user)}>
            ${w.resetTwoFactor}
          </button>`
        : nothing}
    </div>`;
  }

  private renderUsers(list: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
    nodes: UserRowFragment[];
  }) {
    const w = this.words;
    const locale = this.resolvedLocale;
    const self = this.session.user?.id;
    if (list.nodes.length === 0) return html`<p class="muted" data-empty>${w.none}</p>`;
    return html`<div class="scroll">
        <table part="table">
          <caption class="sr-only">
            ${w.title}
          </caption>
          <thead>
            <tr>
              ${sortableHeader(w.username, 'USERNAME', this.sort, this.onSort)}
              ${sortableHeader(w.displayName, 'DISPLAY_NAME', this.sort, this.onSort)}
              <th scope="col">${w.role}</th>
              <th scope="col">${w.grants}</th>
              <th scope="col">${w.lastLogin}</th>
              <th scope="col">${w.state}</th>
              <th scope="col">${w.actions}</th>
            </tr>
          </thead>
          <tbody>
            ${list.nodes.map(
              (user) =>
                html`<tr data-id=${user.id} data-role=${user.role} ?data-disabled=${!!user.disabledAt}>
                  <th scope="row">${user.username}${user.id === self ? w.you : ''}</th>
                  <td>${user.displayName}</td>
                  <td>${w.roles[user.role]}</td>
                  <td class="grants">${this.renderGrants(user)}</td>
                  <td class="nowrap">
                    ${user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : html`<span class="muted">${w.never}</span>`}
                  </td>
                  <td>${this.renderState(user)}</td>
                  <td>${this.renderActions(user)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.pages.render(this.t, list, this.pageSize, w.summary(list.totalCount))}`;
  }

  private renderFilters() {
    const w = this.words;
    return html`<div class="toolbar">
      <div class="field">
        <label for="search">${w.search}</label>
        <input
          id="search"
          type="search"
          placeholder=${w.searchHint}
          .value=${this.search}
          @change=${(e: Event) => {
            this.search = (e.target as HTMLInputElement).value;
            this.pages.restart();
          }}
        />
      </div>
      <div class="field">
        <label for="role-filter">${w.roleFilter}</label>
        <select
          id="role-filter"
          .value=${this.roleFilter}
          @change=${(e: Event) => {
            this.roleFilter = (e.target as HTMLSelectElement).value as Role | '';
            this.pages.restart();
          }}
        >
          <option value="">${w.anyRole}</option>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === this.roleFilter}>${w.roles[r]}</option>`)}
        </select>
      </div>
      ${exportButtons(w, this.exporting, (format) => void this.exportAs(format))}
    </div>`;
  }

  override render() {
    const w = this.words;
    const refused = this.users.status === 'error' && this.users.error instanceof ApiError && this.users.error.code === 'FORBIDDEN';
    return adminFrame(
      this,
      w.title,
      () =>
        refused
          ? html`<p class="state muted" part="not-permitted">${w.notPermitted}</p>`
          : html`${this.renderFilters()} ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
            ${renderQuery(this, this.users, ({ users }) => this.renderUsers(users))} ${this.users.data ? this.form.render() : nothing}`,
      { status: this.announcement || statusOf(this, this.users, w.title) },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-users': HuhangUsers;
  }
}
