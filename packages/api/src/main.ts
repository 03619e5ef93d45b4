import { bootstrap } from './bootstrap';
import { DatabaseSetupError } from './shared/db/embedded';
import { allowDemoKeyOrigins, demoPresent, progressPrinter, seedDemo } from './demo/seed';
import { DEMO_EMBED_KEY } from './demo/users';
import { exampleSite, startServer } from './server';

/** `npm start`: database → migrations → demo data (first start only) → HTTP server. */
async function main(): Promise<void> {
  const started = Date.now();
  if (process.env.NODE_ENV === 'production' && !process.env.HUHANG_JWT_SECRET) {
    // The stored key would let anyone who can read the database mint an administrator's token.
    throw new DatabaseSetupError(
      'NODE_ENV=production needs HUHANG_JWT_SECRET (at least 32 characters) to sign access tokens; the key kept in the database is for development only.',
    );
  }
  // The server holds its embedded database: restarted if it dies, refused to a second server.
  const app = await bootstrap({ exclusive: true });
  if (process.env.HUHANG_SEED !== 'false' && !(await demoPresent(app.db.url))) {
    console.log("[demo] the database is empty: writing the Weng'an demo program and the Tianfu construction-site program");
    const totals = await seedDemo(app.db.url, { onProgress: progressPrinter() });
    console.log(
      `[demo] ${totals.enterprises} enterprises, ${totals.officers} officers, ${totals.visits} visits, ${totals.patrols} patrols, ${totals.serviceRequests} service requests`,
    );
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 4000;
  const server = await startServer({ orm: app.orm, port, staticFiles: exampleSite() });
  // The example portal page uses the demo embed key, which must allow the origin it is served from.
  const listening = Number(new URL(server.url).port);
  const demoKey = process.env.HUHANG_SEED !== 'false' && (await allowDemoKeyOrigins(app.db.url, listening));
  console.log(`\n护航 Huhang is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  GraphQL API      ${server.url}/graphql`);
  console.log(`  Example pages    ${server.url}/`);
  console.log(`  Health check     ${server.url}/healthz`);
  if (demoKey) console.log(`  Demo embed key   ${DEMO_EMBED_KEY} (allowed from ${server.url} and http://127.0.0.1:${listening})`);
  console.log('');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[huhang] ${signal}: stopping`);
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof DatabaseSetupError) console.error(`\n[db] ${error.message}\n`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `\n[http] port ${(error as { port?: number }).port} is already in use: stop what listens there or set PORT to another port.\n`,
    );
  } else console.error(error);
  process.exit(1);
});
