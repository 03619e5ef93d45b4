import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { PUBLIC_OPERATION_IDS, type ErrorReason } from '@huhang/schema';

/** Where a widget asks, and as whom: an embed key (public widgets) or a bearer token (admin widgets). */
export interface Credentials {
  endpoint: string;
  key?: string;
  token?: string;
}

export type Document<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/**
 * Why a request failed. `network`: no answer (offline, server down); the request may be retried as
 * is. `api`: the API refused it and says why in `code`, `reason` and, for bad input, `field`.
 */
export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'api',
    message: string,
    readonly code: string = kind === 'network' ? 'NETWORK' : 'INTERNAL_SERVER_ERROR',
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get field(): string | undefined {
    return typeof this.extensions.field === 'string' ? this.extensions.field : undefined;
  }

  /** The API's reason, one of its `…ErrorReason` enums (packages/schema). */
  get reason(): ErrorReason | undefined {
    return typeof this.extensions.reason === 'string' ? (this.extensions.reason as ErrorReason) : undefined;
  }
}

interface GraphqlResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Answers of queries kept for a short while, so that widgets on one page share one request. */
const shared = new Map<string, { at: number; answer: Promise<unknown> }>();
const SHARE_MS = 60_000;

function isQuery(text: string): boolean {
  return /^\s*(query|fragment)\b/.test(text);
}

/** The persisted id of a public operation, by the operation's name; none for others. */
function persistedId(query: string): string | undefined {
  const name = /^\s*query\s+(\w+)/.exec(query)?.[1];
  return name && name in PUBLIC_OPERATION_IDS ? PUBLIC_OPERATION_IDS[name as keyof typeof PUBLIC_OPERATION_IDS] : undefined;
}

/**
 * A public widget's query goes by GET with its persisted id alone, so that browsers and a CDN can keep
 * the answer (it carries an ETag); everything else is a POST with the document.
 */
function request(credentials: Credentials, query: string, variables: unknown): { url: string; init: RequestInit } {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials.key) headers['x-huhang-key'] = credentials.key;
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  const id = credentials.key && !credentials.token ? persistedId(query) : undefined;
  if (id) {
    const url = new URL(credentials.endpoint);
    url.searchParams.set('variables', JSON.stringify(variables ?? {}));
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }));
    return { url: url.href, init: { method: 'GET', headers } };
  }
  headers['content-type'] = 'application/json';
  return { url: credentials.endpoint, init: { method: 'POST', headers, body: JSON.stringify({ query, variables }) } };
}

async function send<R>(credentials: Credentials, query: string, variables: unknown, signal?: AbortSignal): Promise<R> {
  const { url, init } = request(credentials, query, variables);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal, credentials: 'omit' });
  } catch (error) {
    throw new ApiError('network', (error as Error).message || 'network error');
  }
  let body: GraphqlResponse<R>;
  try {
    body = (await response.json()) as GraphqlResponse<R>;
  } catch {
    throw new ApiError(response.status >= 500 || response.status === 0 ? 'network' : 'api', `HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError('api', first.message, String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first.extensions ?? {});
  if (!body.data) throw new ApiError('api', `HTTP ${response.status}`);
  return body.data;
}

/**
 * Runs one GraphQL operation. Queries with the same credentials and variables share one request
 * and its answer for a minute; `fresh` asks again (retry, reload after a change).
 */
export function execute<R, V>(
  credentials: Credentials,
  document: Document<R, V>,
  variables: V,
  options: { fresh?: boolean; signal?: AbortSignal } = {},
): Promise<R> {
  const query = document.toString();
  if (!isQuery(query)) return send<R>(credentials, query, variables, options.signal);
  const cacheKey = JSON.stringify([credentials.endpoint, credentials.key ?? '', credentials.token ?? '', query, variables]);
  const hit = shared.get(cacheKey);
  if (hit && !options.fresh && Date.now() - hit.at < SHARE_MS) return hit.answer as Promise<R>;
  const answer = send<R>(credentials, query, variables);
  shared.set(cacheKey, { at: Date.now(), answer });
  answer.catch(() => {
    if (shared.get(cacheKey)?.answer === answer) shared.delete(cacheKey);
  });
  return answer;
}

/** Forgets shared answers, e.g. after a write that changes what lists show. */
export function forgetSharedAnswers(): void {
  shared.clear();
}
