import { randomUUID } from 'node:crypto';
import { type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { translateError } from './translate';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE_TEXT } from '../db/availability';
import { QueryLimitErrorReason } from './reasons';

const LIMIT_REASONS = new Set<string>(Object.values(QueryLimitErrorReason));

/** GraphQL-level codes a client may see besides the domain codes. */
const PUBLIC_CODES = new Set([
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place that turns errors into what clients see: domain errors (and the database refusals
 * they translate) keep their code, field and reason; known GraphQL codes pass without a stack trace;
 * anything else is logged with a request id and masked, so no stack trace or SQL reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return format(formatted, error, false);
}

/** The error formatter for a server; in production it also drops the schema hints of "Did you mean …?". */
export function createFormatError(options: {
  production: boolean;
}): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => format(formatted, error, options.production);
}

function format(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // The database is away: the request may be retried (the route answers 503 with Retry-After).
  if (isDatabaseUnavailable(original)) {
    return {
      message: UNAVAILABLE_MESSAGE_TEXT,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  const domain = translateError(original);
  if (domain) {
    const extensions: Record<string, unknown> = { code: domain.code };
    for (const [key, value] of Object.entries(domain.details)) if (value !== undefined) extensions[key] = value;
    return { message: domain.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  // The parser's token limit names its value; say what was exceeded, not by how much.
  if (/^Syntax Error: Document contains more th(?:an|at) \d+ tokens/.test(formatted.message)) {
    return {
      message: '请求过于复杂：记号过多 (the request is too complex: too many tokens)',
      extensions: { code: 'QUERY_TOO_COMPLEX', reason: QueryLimitErrorReason.TOO_MANY_TOKENS },
    };
  }
  // Apollo refuses a persisted query whose hash is not its document's without a code of its own.
  if (formatted.message === 'provided sha does not match query') {
    return {
      message: '持久化查询的哈希与查询文本不符 (the persisted query hash does not match the query)',
      extensions: { code: 'BAD_REQUEST' },
    };
  }
  // Apollo files the limit rules' refusals under GRAPHQL_VALIDATION_FAILED; give them their own code back.
  if (typeof formatted.extensions?.reason === 'string' && LIMIT_REASONS.has(formatted.extensions.reason)) {
    return { message: formatted.message, extensions: { code: 'QUERY_TOO_COMPLEX', reason: formatted.extensions.reason } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    // A variable refused while it is read names its field: `input.name`, or the variable itself.
    if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
      const refused = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)";/s.exec(formatted.message);
      const whole = /^Variable "\$(\w+)" got invalid value /.exec(formatted.message);
      if (refused) extensions.field = refused[2];
      else if (whole) extensions.field = whole[1];
    }
    const message = production ? formatted.message.replace(/ ?Did you mean .*$/s, '') : formatted.message;
    return { ...formatted, message, extensions };
  }
  const requestId = randomUUID();
  console.error(`[graphql] ${requestId}`, original);
  return {
    message: `Internal server error (request id ${requestId})`,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
