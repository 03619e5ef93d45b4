import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../translations/zh-CN';
import { ApiError } from './client';
import type { WidgetSettings } from './config';
import type { LocaleCode } from './locale';
import type { QueryState } from './query';

/** What the views need of a widget: its words, its language and its settings. */
export interface ViewHost {
  readonly t: Translation;
  readonly resolvedLocale: LocaleCode;
  setting(name: keyof WidgetSettings): string | undefined;
}

export interface FrameOptions {
  subtitle?: unknown;
  status?: string;
  actions?: unknown;
}

/** The outer frame of every widget: language, theme, title and a polite live region announcing what changed. */
export function frame(host: ViewHost, title: string, body: unknown, options: FrameOptions = {}): TemplateResult {
  return html`<section
    class="root"
    part="base"
    lang=${host.resolvedLocale}
    data-theme=${host.setting('theme') ?? 'light'}
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

/** The frame of a back-office widget, or a request to sign in first. */
export function adminFrame(
  host: ViewHost & { readonly signedIn: boolean },
  title: string,
  body: () => unknown,
  options: FrameOptions = {},
) {
  if (!host.signedIn) return frame(host, title, html`<p class="state muted" part="signed-out">${host.t.signIn.required}</p>`);
  return frame(host, title, body(), options);
}

const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[huhang] ${message}`);
}

function embedKeyRefusal(words: Translation['errors'], error: ApiError): string | null {
  switch (error.reason) {
    case 'ORIGIN_NOT_ALLOWED':
      return words.keyOrigin(globalThis.location?.origin ?? '');
    case 'KEY_INVALID':
      return words.keyUnknown;
    case 'KEY_REVOKED':
      return words.keyRevoked;
    default:
      return null;
  }
}

/** The message for an API or network failure in the reader's language. */
export function describeError(t: Translation, error: unknown): string {
  const words = t.errors;
  if (!(error instanceof ApiError)) return words.server;
  if (error.kind === 'network') return words.network;
  // An embed key's refusal says what the webmaster can do about it, on the page and in the console.
  const keyWords = embedKeyRefusal(words, error);
  if (keyWords) {
    warnOnce(keyWords);
    return keyWords;
  }
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return words.unauthenticated;
    case 'FORBIDDEN':
      return words.forbidden;
    case 'NOT_FOUND':
      return words.notFound;
    case 'SNAPSHOT_INVALID':
      return words.snapshotInvalid;
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return `${words.server} (${error.message})`;
    default:
      return words.server;
  }
}

/** Loading, error (with retry), empty, or the content. */
export function renderQuery<R>(
  host: ViewHost,
  query: QueryState<R>,
  ready: (data: R) => TemplateResult | TemplateResult[],
  isEmpty: (data: R) => boolean = () => false,
): unknown {
  const { t } = host;
  switch (query.status) {
    case 'unconfigured':
      return html`<div class="state error" part="error" role="alert"><p>${t.errors.config(query.missing ?? '')}</p></div>`;
    case 'error': {
      const requestId = query.error instanceof ApiError ? query.error.extensions.requestId : undefined;
      // Trying again cannot mend an embed key the server refuses (the page's webmaster must), nor
      // a refusal to the viewer's role or scope.
      const refused =
        query.error instanceof ApiError && (embedKeyRefusal(t.errors, query.error) !== null || query.error.code === 'FORBIDDEN');
      const mendable = !refused;
      return html`<div class="state error" part="error" role="alert">
        <p>${describeError(t, query.error)}</p>
        ${requestId ? html`<p class="muted">${t.errors.requestId(String(requestId))}</p>` : nothing}
        ${mendable ? html`<button part="retry-button" @click=${() => query.retry()}>${t.retry}</button>` : nothing}
      </div>`;
    }
    case 'ready':
      if (query.data === undefined) return nothing;
      return isEmpty(query.data) ? html`<p class="state muted" part="empty">${t.empty}</p>` : ready(query.data);
    default:
      return html`<div class="state" part="loading" aria-busy="true">
        <span class="sr-only">${t.loading}</span>
        <div class="skeleton" aria-hidden="true"><span></span><span style="width:80%"></span><span style="width:60%"></span></div>
      </div>`;
  }
}

/** What the live region says about a query; `title` names what was loaded. */
export function statusOf(host: ViewHost, query: QueryState<unknown>, title: string): string {
  if (query.status === 'loading') return host.t.loading;
  if (query.status === 'error') return describeError(host.t, query.error);
  if (query.status === 'ready') return host.t.loaded(title);
  return '';
}
