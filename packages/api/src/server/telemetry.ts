import type { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry tracing, switched on by its standard environment variables: `OTEL_TRACES_EXPORTER`
 * (e.g. `otlp`, `console`) or an OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, with `OTEL_EXPORTER_OTLP_PROTOCOL` and the rest as the SDK
 * reads them); `OTEL_SDK_DISABLED=true` keeps it off. Spans: each HTTP request, each GraphQL
 * operation with its parse, validation and resolvers, and each PostgreSQL statement, with
 * `OTEL_SERVICE_NAME` (default `huhang`). Off, nothing of the SDK is loaded.
 *
 * Imported first by main.ts: the instrumentations patch `http`, `pg` and `graphql` as they are loaded.
 */
let sdk: NodeSDK | null = null;

function wanted(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER;
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export function startTelemetry(env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk || !wanted(env)) return sdk !== null;
  // Loaded only when asked for: the SDK and its exporters cost memory and start-up time.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  /* eslint-enable @typescript-eslint/no-require-imports */
  sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'huhang',
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? '') }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
    ],
  });
  sdk.start();
  return true;
}

/** Sends the spans still buffered; before the process exits. */
export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = null;
}

startTelemetry();
