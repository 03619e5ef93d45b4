import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { Context } from '../access/context';
import { createSchema } from '../schema';
import { createFormatError } from '../shared/errors/format-error';
import { limitRules, type QueryLimits } from '../shared/graphql/limits';
import { PersistedOperations } from './persisted-operations';
import { RETRY_AFTER_SECONDS } from '../shared/db/availability';
import { explorerLandingPage } from './explorer';

/** The GraphQL server: the schema, the request limits, error formatting and the audit of personal reads. */
export async function createApollo(
  http: Server,
  options: { production: boolean; limits: QueryLimits; plugins?: ApolloServerPlugin<Context>[] },
): Promise<ApolloServer<Context>> {
  const { production, limits } = options;
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError: createFormatError({ production }),
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    // One operation per request; a JSON array of operations is refused.
    allowBatchedHttpRequests: false,
    // A browser cannot send these headers across origins without a preflight: the embed key's
    // header makes a public widget's GET as safe as a POST.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'x-huhang-key'] },
    parseOptions: { maxTokens: limits.tokens },
    // The public widgets' operations are known by id from the start; see persisted-operations.ts.
    persistedQueries: { cache: new PersistedOperations() },
    validationRules: limitRules(limits),
    // Compact JSON: answers are read by programs, and indentation only costs bytes and time.
    stringifyResult: (result) => JSON.stringify(result),
    // main.ts stops the HTTP server, the ORM and the database in order on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      // Apollo's cache hints would cost a hook on every field of every answer; the route says how an
      // answer may be kept instead (public answers by ETag, every other one not at all).
      ApolloServerPluginCacheControlDisabled(),
      {
        // Reads of personal data join the audit trail, one row per record shown, before the answer
        // leaves; if that row cannot be written, the answer goes out with those values masked.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              const reads = contextValue.personalReads;
              if (reads.size === 0) return;
              try {
                await reads.flush(contextValue.em, contextValue.actor);
              } catch (error) {
                console.error('[audit] could not record personal-data reads; the answer is masked', error);
                if (response.body.kind !== 'single') return;
                const result = response.body.singleResult;
                result.data = reads.maskIn(result.data) as typeof result.data;
                result.errors = [
                  ...(result.errors ?? []),
                  {
                    message: 'Personal data could not be recorded in the audit trail, so it is shown masked. Try again later.',
                    extensions: { code: 'PERSONAL_DATA_MASKED' },
                  },
                ];
              }
            },
          };
        },
      },
      {
        // The database was away for this request: 503 and when to retry, not 200 with an error.
        // And the request log learns the operation and how it ended.
        async requestDidStart() {
          return {
            async willSendResponse({ response, request, operation, contextValue }) {
              if (response.body.kind !== 'single') return;
              if (contextValue.report) {
                contextValue.report.operation = request.operationName ?? operation?.name?.value ?? operation?.operation;
                const code = response.body.singleResult.errors?.[0]?.extensions?.code;
                contextValue.report.outcome = typeof code === 'string' ? code : 'ok';
              }
              if (!response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
              response.http.status = 503;
              response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
            },
          };
        },
      },
      ...(options.plugins ?? []),
      // A browser opening /graphql gets the explorer in development (GraphiQL from the installed
      // packages: it works offline), a plain page in production.
      production ? ApolloServerPluginLandingPageProductionDefault({ footer: false }) : explorerLandingPage(),
    ],
  });
  await apollo.start();
  return apollo;
}
