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
import { beginRequest, endRequest } from '../access/request-transaction';
import { answerPlanned, planInOneStatement } from './one-statement';

/** The GraphQL server: the schema, the request limits, error formatting, each operation's transaction and the audit of personal reads. */
export async function createApollo(
  http: Server,
  options: {
    production: boolean;
    limits: QueryLimits;
    plugins?: ApolloServerPlugin<Context>[];
    oneStatementReads?: boolean;
    /** A mutation committed a change to what a viewer may read: called before its answer leaves. */
    onAccessChanged?: () => void;
  },
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
        // Each operation runs in a transaction that tells the database who is asking (row-level
        // security, request-transaction.ts). Before the answer leaves, the personal data it shows is
        // appended to the audit trail and the transaction commits; personal data whose audit row could
        // not be written goes out masked, and a mutation whose commit failed says that nothing was saved.
        // Then: the database was away for this request: 503 and when to retry, not 200 with an error;
        // and the request log learns the operation and how it ended.
        async requestDidStart() {
          return {
            // Here rather than at the start of execution: a failure (the database away) is then
            // formatted like any other error, SERVICE_UNAVAILABLE and 503 included.
            // A query that one SQL statement can answer whole is answered so, without the resolvers;
            // on the primary that statement brings its own transaction (server/one-statement.ts).
            async didResolveOperation({ contextValue, operation, document, request, schema, queryHash }) {
              if (
                operation &&
                options.oneStatementReads &&
                (await planInOneStatement(contextValue, schema, document, operation, request.variables, queryHash))
              )
                return;
              await beginRequest(contextValue, operation);
            },
            async responseForOperation({ contextValue, operation }) {
              return operation ? answerPlanned(contextValue, operation) : null;
            },
            async willSendResponse({ contextValue, response, request, operation }) {
              const end = await endRequest(contextValue, operation?.operation === 'mutation');
              if (end.accessChanged) options.onAccessChanged?.();
              if (response.body.kind !== 'single') return;
              const result = response.body.singleResult;
              if (end.lost) {
                result.data = null;
                result.errors = [
                  {
                    message: '请求未能提交，未保存任何内容，请重试 (the request could not be committed; nothing was saved; try again)',
                    extensions: { code: 'SERVICE_UNAVAILABLE' },
                  },
                ];
              } else if (end.maskPersonal) {
                result.data = contextValue.personalReads.maskIn(result.data) as typeof result.data;
                result.errors = [
                  ...(result.errors ?? []),
                  {
                    message: 'Personal data could not be recorded in the audit trail, so it is shown masked. Try again later.',
                    extensions: { code: 'PERSONAL_DATA_MASKED' },
                  },
                ];
              }
              if (contextValue.report) {
                contextValue.report.operation = request.operationName ?? operation?.name?.value ?? operation?.operation;
                const code = result.errors?.[0]?.extensions?.code;
                contextValue.report.outcome = typeof code === 'string' ? code : 'ok';
              }
              if (!result.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
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
