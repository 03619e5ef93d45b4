import { randomUUID } from 'node:crypto';
import { type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { translateError } from './translate';

/** GraphQL-level codes a client may see besides the domain codes. */
const PUBLIC_CODES = new Set([
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
  const original = unwrapResolverError(error);
  const domain = translateError(original);
  if (domain) {
    const extensions: Record<string, unknown> = { code: domain.code };
    for (const [key, value] of Object.entries(domain.details)) if (value !== undefined) extensions[key] = value;
    return { message: domain.message, path: formatted.path, locations: formatted.locations, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
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
