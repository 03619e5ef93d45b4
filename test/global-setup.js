// Runs once before all tests, outside the test sandbox (so the embedded server's ES module loads
// natively). Uses the compiled API (`npm test` builds it first).
require('reflect-metadata');
const { openDatabase, withDatabase } = require('../packages/api/dist/shared/db/database');
const { createOrm, migrate } = require('../packages/api/dist/orm');
const { Client } = require('pg');
const { APP_LOGIN, ensureApiLogin, grantStatements, jobQueueGrantStatements } = require('../packages/api/dist/shared/db/roles');
const { migrateJobQueue } = require('../packages/api/dist/server/filed-reports');
const { hashPassword } = require('../packages/api/dist/accounts/password');

/** The password of the API's login in the test server (tests connect as it to check its limits). */
const APP_PASSWORD = 'huhang-app-test';
/** The test users' password, `TEST_PASSWORD` of packages/api/src/test-support/api.ts, hashed once for the run. */
const TEST_PASSWORD = 'Test-password-1';

module.exports = async function globalSetup() {
  const started = Date.now();
  const db = await openDatabase({ name: 'postgres-test', log: (line) => console.log(`\n${line}`) });
  const template = `huhang_template_${process.pid}`;
  // The embedded server's superuser, or DATABASE_OWNER_URL / DATABASE_URL: it creates the test databases.
  const server = db.adminUrl ?? db.ownerUrl;
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const orm = await createOrm(withDatabase(server, template));
  await migrate(orm);
  // As every start does: the API's role gets its grants on the tables the migrations made.
  for (const statement of grantStatements()) await orm.em.getConnection().execute(statement);
  // The job queue that files reports (server/filed-reports.ts), installed as every start installs it.
  await migrateJobQueue(withDatabase(server, template), () => undefined);
  for (const statement of jobQueueGrantStatements()) await orm.em.getConnection().execute(statement);
  await orm.close();
  await ensureApiLogin(withDatabase(server, 'postgres'), APP_LOGIN, APP_PASSWORD);

  process.env.HUHANG_TEST_SERVER_URL = server;
  process.env.HUHANG_TEST_APP_PASSWORD = APP_PASSWORD;
  process.env.HUHANG_TEST_TEMPLATE = template;
  process.env.HUHANG_TEST_PASSWORD = TEST_PASSWORD;
  process.env.HUHANG_TEST_PASSWORD_HASH = await hashPassword(TEST_PASSWORD);
  globalThis.__huhangTestDb = db;
  console.log(
    `[test] PostgreSQL ready (${db.kind === 'external' ? 'DATABASE_URL' : 'embedded'}) in ${Date.now() - started} ms; template ${template}`,
  );
};
