import { CreateEmbedKeyInputLimits, type EmbedKeyRowFragment } from '@huhang/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  CreateEmbedKeyDocument,
  EmbedKeyExportDocument,
  EmbedKeysDocument,
  RevokeEmbedKeyDocument,
  RotateEmbedKeyDocument,
} from '../../generated/admin-operations';
import { HuhangAdminElement } from '../../internal/admin-element';
import { FormModel, banner, describeFailure, field, rules } from '../../internal/form';
import { formatDateTime } from '../../internal/format';
import { ListExporter } from '../../internal/list-exporter';
import type { LocaleCode } from '../../internal/locale';
import { today } from '../../internal/period';
import { QueryController } from '../../internal/query';
import { adminFrame, renderQuery, statusOf } from '../../internal/views';
import { EMBED_KEYS_WORDS } from './embed-keys.words';

/**
 * @summary The embed keys (嵌入密钥) of the parks and programs the administrator manages: which pages
 * (origins) may show their public figures, when each was last used; a new key, a rotated or revoked
 * one. A new or rotated key is shown once, inside the two lines a portal's webmaster pastes into a
 * page: the script and a `<huhang-config>` with the key, the park and this API's endpoint. Every key,
 * revoked ones too, exports as CSV or Excel (never the key itself: only the prefix is kept).
 *
 * @csspart base - The frame.
 * @csspart title - The heading.
 * @csspart table - The keys.
 * @csspart snippet - The lines to paste, with the new key.
 * @csspart banner - The outcome of creating a key.
 * @csspart export-button - The button that downloads every key as CSV.
 * @csspart export-xlsx-button - The same keys as an Excel workbook (XLSX).
 */
@customElement('huhang-embed-keys')
export class HuhangEmbedKeys extends HuhangAdminElement {
  @state() private issued?: { key: string; row: EmbedKeyRowFragment };
  @state() private announcement = '';
  @state() private failure = '';

  private readonly keys = new QueryController(this, EmbedKeysDocument, () => (this.signedIn ? { first: 100 } : 'sign-in'));

  /** Every key the administrator manages, as CSV or Excel. */
  private readonly exporter = new ListExporter(
    this,
    this.sessions,
    (format) => {
      const tk = this.t.embedKeys;
      const w = EMBED_KEYS_WORDS[this.t.$code as LocaleCode] ?? EMBED_KEYS_WORDS['zh-CN'];
      return {
        format,
        document: EmbedKeyExportDocument as never,
        variables: {},
        columns: [
          { header: tk.name, path: 'name' },
          { header: w.prefix, path: 'prefix' },
          { header: w.program, path: 'program.name' },
          { header: w.park, path: 'park.name' },
          { header: tk.origins, path: 'allowedOrigins' },
          { header: w.createdAt, path: 'createdAt', time: 'beijing' },
          { header: tk.lastUsed, path: 'lastUsedAt', time: 'beijing' },
          { header: w.revokedAt, path: 'revokedAt', time: 'beijing' },
        ],
        filename: `huhang-embed-keys-${today()}`,
        sheet: tk.title,
      };
    },
    (text) => (this.announcement = text),
  );

  private readonly form = new FormModel(
    this,
    () => ({ name: '', scope: this.setting('park') ?? this.keys?.data?.parks.nodes[0]?.id ?? '', allowedOrigins: '' }),
    () => {
      const r = rules(this.t);
      const tk = this.t.embedKeys;
      return {
        name: [r.required, r.within(CreateEmbedKeyInputLimits.name)],
        scope: [r.required],
        allowedOrigins: [
          r.required,
          (v) => {
            const origins = originsOf(String(v));
            const most = CreateEmbedKeyInputLimits.allowedOrigins.maxItems;
            if (origins.length > most) return this.t.form.tooMany(most);
            const bad = origins.find((o) => !/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(o));
            return bad ? tk.badOrigin(bad) : undefined;
          },
        ],
      };
    },
  );

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The page's park, else the administrator's first, once the parks are known.
    const first = this.setting('park') ?? this.keys.data?.parks.nodes[0]?.id;
    if (!this.form.values.scope && first) this.form.values = { ...this.form.values, scope: first };
  }

  /** The two lines a webmaster pastes: the script from this API's server and the page's settings. */
  private snippet(key: string, row: EmbedKeyRowFragment): string {
    const endpoint = new URL(this.settings.endpoint);
    const where = row.park ? ` park="${row.park.id}"` : ` scope="${row.program.id}"`;
    return (
      `<script type="module" src="${endpoint.origin}/widgets/huhang.js"></script>\n` +
      `<huhang-config key="${key}"${where} endpoint="${endpoint.href}"></huhang-config>`
    );
  }

  private async create(e: Event) {
    e.preventDefault();
    const v = this.form.values;
    const saved = await this.form.submit(
      this.t,
      (idempotencyKey) =>
        this.mutate(CreateEmbedKeyDocument, {
          input: {
            name: String(v.name).trim(),
            scope: String(v.scope),
            allowedOrigins: originsOf(String(v.allowedOrigins)),
            idempotencyKey,
          },
        }),
      this.shadowRoot,
    );
    const made = saved?.createEmbedKey;
    if (made?.key) await this.show(made.key, made.embedKey);
  }

  private async step(row: EmbedKeyRowFragment, step: 'rotate' | 'revoke') {
    const tk = this.t.embedKeys;
    if (step === 'revoke' && !confirm(tk.confirmRevoke(row.name))) return;
    this.failure = '';
    try {
      const input = { id: row.id, version: row.version };
      if (step === 'rotate') {
        const { rotateEmbedKey } = await this.mutate(RotateEmbedKeyDocument, { input });
        if (rotateEmbedKey.key) await this.show(rotateEmbedKey.key, rotateEmbedKey.embedKey);
      } else {
        await this.mutate(RevokeEmbedKeyDocument, { input });
        this.issued = undefined;
        this.announcement = tk.revoked(row.name);
      }
      await this.keys.retry();
    } catch (error) {
      this.failure = describeFailure(error, this.t);
    }
  }

  private async show(key: string, row: EmbedKeyRowFragment) {
    this.issued = { key, row };
    this.announcement = this.t.embedKeys.issued(row.name);
    await this.keys.retry();
    await this.updateComplete;
    (this.shadowRoot?.querySelector('[part="snippet"] textarea') as HTMLTextAreaElement | null)?.focus();
  }

  override render() {
    const t = this.t;
    const tk = t.embedKeys;
    const locale = this.resolvedLocale;
    const parks = this.keys.data?.parks.nodes ?? [];
    return adminFrame(
      this,
      tk.title,
      () =>
        html`${this.issued
            ? html`<div class="snippet" part="snippet">
                <label for="snippet">${tk.snippet(this.issued.row.name)}</label>
                <textarea id="snippet" readonly rows="3" @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}>
${this.snippet(this.issued.key, this.issued.row)}</textarea
                >
                <p class="muted">${tk.once}</p>
              </div>`
            : nothing}
          ${this.failure ? html`<p class="field-error" role="alert">${this.failure}</p>` : nothing}
          ${renderQuery(this, this.keys, ({ embedKeys }) =>
            embedKeys.nodes.length === 0
              ? html`<p class="muted" data-empty>${tk.none}</p>`
              : html`<div class="scroll">
                  <table part="table">
                    <caption class="sr-only">
                      ${tk.title}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">${tk.name}</th>
                        <th scope="col">${tk.scope}</th>
                        <th scope="col">${tk.origins}</th>
                        <th scope="col">${tk.lastUsed}</th>
                        <th scope="col"><span class="sr-only">${tk.actions}</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      ${embedKeys.nodes.map(
                        (row) =>
                          html`<tr data-id=${row.id} data-revoked=${row.revokedAt ? 'true' : 'false'}>
                            <th scope="row">${row.name}<br /><span class="muted code">${row.prefix}…</span></th>
                            <td>${row.park?.name ?? row.program.name}</td>
                            <td>${row.allowedOrigins.map((o) => html`<span class="code">${o}</span><br />`)}</td>
                            <td>${row.lastUsedAt ? formatDateTime(row.lastUsedAt, locale) : tk.never}</td>
                            <td class="nowrap">
                              ${row.revokedAt
                                ? html`<span class="muted">${tk.revokedOn(formatDateTime(row.revokedAt, locale))}</span>`
                                : html`<button
                                      class="secondary"
                                      aria-label="${tk.rotate}: ${row.name}"
                                      @click=${() => this.step(row, 'rotate')}
                                    >
                                      ${tk.rotate}
                                    </button>
                                    <button
                                      class="secondary"
                                      aria-label="${tk.revoke}: ${row.name}"
                                      @click=${() => this.step(row, 'revoke')}
                                    >
                                      ${tk.revoke}
                                    </button>`}
                            </td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`,
          )}
          <form @submit=${this.create} novalidate aria-label=${tk.create}>
            <div class="row">
              ${field(this.form, 'name', tk.name, 'text', { required: true, t, hint: tk.nameHint })}
              ${field(this.form, 'scope', tk.scope, 'select', {
                choices: parks.map((p) => ({ value: p.id, label: p.name })),
                required: true,
                t,
              })}
            </div>
            ${field(this.form, 'allowedOrigins', tk.origins, 'textarea', { required: true, t, hint: tk.originsHint })} ${banner(this.form)}
            <div class="actions">
              <button type="submit" ?disabled=${this.form.submitting}>${this.form.submitting ? t.form.saving : tk.create}</button>
            </div>
          </form>`,
      {
        status: this.announcement || statusOf(this, this.keys, tk.title),
        actions: this.keys.data?.embedKeys.nodes.length ? html`<div class="export">${this.exporter.buttons()}</div>` : nothing,
      },
    );
  }
}

/** The origins typed one per line (or separated by spaces or commas), without a trailing slash. */
function originsOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

declare global {
  interface HTMLElementTagNameMap {
    'huhang-embed-keys': HuhangEmbedKeys;
  }
}
