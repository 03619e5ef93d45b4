import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Translation } from '../translations/zh-CN';
import { ApiError, execute, type Credentials, type Document } from './client';
import { CONFIG_CHANGE, DEFAULT_ENDPOINT, pageSettings, type WidgetSettings } from './config';
import { API_LOCALE, normalizeLocale, onDocumentLangChange, translationFor, type LocaleCode } from './locale';
import { parsePeriod, type PeriodInput } from './period';
import { baseStyles } from './styles';
import type { QueryState } from './query';

/**
 * What every Huhang widget shares: settings from attributes or the page's `<huhang-config>`, the
 * language, the theme, credentials, and the loading, empty and error states with a retry.
 */
export class HuhangElement extends LitElement {
  static override styles = [baseStyles];

  /** GraphQL endpoint; by default `/graphql` on the server the script came from. */
  @property() endpoint?: string;
  /** Embed key of a public page (`hk_pub_…`). */
  @property() key?: string;
  /** Bearer access token, for a page that signs in by itself; otherwise `<huhang-sign-in>`'s session. */
  @property() token?: string;
  /** `zh-CN` (default), `zh-TW` or `en`; otherwise `<html lang>`. */
  @property() locale?: string;
  /** `light` (default), `dark` or `auto` (follows the system). */
  @property() theme?: string;

  protected readonly unsubscribe: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    const update = () => this.requestUpdate();
    document.addEventListener(CONFIG_CHANGE, update);
    this.unsubscribe.push(() => document.removeEventListener(CONFIG_CHANGE, update), onDocumentLangChange(update));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe.splice(0).forEach((off) => off());
  }

  /** A setting from the element's own attribute, else from the page-wide `<huhang-config>`. */
  setting(name: keyof WidgetSettings): string | undefined {
    const own = (this as unknown as Record<string, unknown>)[name];
    if (typeof own === 'string' && own !== '') return own;
    return pageSettings(this)[name] || undefined;
  }

  /**
   * The `scope` and `period` a figure widget asks about: its own, else the page's (`park` standing in
   * for `scope`). Answers the name of the setting that is missing or invalid.
   */
  figureSettings(own: { scope?: string; period?: string }): { scope: string; period: PeriodInput } | 'scope' | 'period' {
    const scope = own.scope || this.setting('scope') || this.setting('park');
    if (!scope) return 'scope';
    const period = parsePeriod(own.period || this.setting('period'));
    return period ? { scope, period } : 'period';
  }

  get resolvedLocale(): LocaleCode {
    return normalizeLocale(this.setting('locale')) ?? normalizeLocale(document.documentElement.lang) ?? 'zh-CN';
  }

  get apiLocale() {
    return API_LOCALE[this.resolvedLocale];
  }

  protected get t(): Translation {
    return translationFor(this.resolvedLocale);
  }

  get resolvedEndpoint(): string {
    return new URL(this.setting('endpoint') ?? DEFAULT_ENDPOINT, document.baseURI).href;
  }

  /** Public widgets: the embed key (or a token when the page has one). */
  get credentials(): Credentials {
    return { endpoint: this.resolvedEndpoint, key: this.setting('key'), token: this.setting('token') };
  }

  /** Who the widget asks as, part of what makes a query's answer its own. */
  get identity(): unknown {
    return this.credentials;
  }

  /** Runs an operation with the widget's credentials. */
  run<R, V>(document: Document<R, V>, variables: V, options: { fresh?: boolean } = {}): Promise<R> {
    return execute(this.credentials, document, variables, options);
  }

  /** The outer frame: language, theme, title and a polite live region announcing what changed. */
  protected frame(title: string, body: unknown, options: { subtitle?: unknown; status?: string; actions?: unknown } = {}) {
    return html`<section
      class="root"
      part="base"
      lang=${this.resolvedLocale}
      data-theme=${this.setting('theme') ?? 'light'}
      aria-labelledby="title"
    >
      <header part="header">
        <h2 id="title" part="title">${title}</h2>
        ${options.subtitle ? html`<span class="muted" part="subtitle">${options.subtitle}</span>` : nothing} ${options.actions ?? nothing}
      </header>
      ${body}
      <p class="sr-only" role="status" aria-live="polite" aria-atomic="true">${options.status ?? ''}</p>
    </section>`;
  }

  /** The message for an API or network failure in the reader's language. */
  protected describeError(error: unknown): string {
    const t = this.t.errors;
    if (!(error instanceof ApiError)) return t.server;
    if (error.kind === 'network') return t.network;
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return t.unauthenticated;
      case 'FORBIDDEN':
        return t.forbidden;
      case 'NOT_FOUND':
        return t.notFound;
      case 'BAD_USER_INPUT':
      case 'GRAPHQL_VALIDATION_FAILED':
        return `${t.server} (${error.message})`;
      default:
        return t.server;
    }
  }

  /** Loading, error (with retry), empty, or the content; `title` names what the live region announces. */
  protected renderQuery<R>(
    query: QueryState<R>,
    ready: (data: R) => TemplateResult | TemplateResult[],
    isEmpty: (data: R) => boolean = () => false,
  ): unknown {
    switch (query.status) {
      case 'unconfigured':
        return html`<div class="state error" part="error" role="alert"><p>${this.t.errors.config(query.missing ?? '')}</p></div>`;
      case 'error': {
        const requestId = query.error instanceof ApiError ? query.error.extensions.requestId : undefined;
        return html`<div class="state error" part="error" role="alert">
          <p>${this.describeError(query.error)}</p>
          ${requestId ? html`<p class="muted">${this.t.errors.requestId(String(requestId))}</p>` : nothing}
          <button part="retry-button" @click=${() => query.retry()}>${this.t.retry}</button>
        </div>`;
      }
      case 'ready':
        if (query.data === undefined) return nothing;
        return isEmpty(query.data) ? html`<p class="state muted" part="empty">${this.t.empty}</p>` : ready(query.data);
      default:
        return html`<div class="state" part="loading" aria-busy="true">
          <span class="sr-only">${this.t.loading}</span>
          <div class="skeleton" aria-hidden="true"><span></span><span style="width:80%"></span><span style="width:60%"></span></div>
        </div>`;
    }
  }

  /** What the live region says about a query. */
  protected statusOf(query: QueryState<unknown>, title: string): string {
    if (query.status === 'loading') return this.t.loading;
    if (query.status === 'error') return this.describeError(query.error);
    if (query.status === 'ready') return this.t.loaded(title);
    return '';
  }
}
