// Runs once before all tests, outside the test sandbox (so the embedded server's ES module loads
// natively). Uses the compiled API (`npm test` builds it first).
require('reflect-metadata');
const { openDatabase, withDatabase } = require('../packages/api/dist/shared/db/database');
const { createOrm, migrate } = require('../packages/api/dist/orm');
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const started = Date.now();
  const db = await openDatabase({ name: 'postgres-test', log: (line) => console.log(`\n${line}`) });
  const template = `huhang_template_${process.pid}`;
  const admin = new Client({ connectionString: withDatabase(db.url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const orm = await createOrm(withDatabase(db.url, template));
  await migrate(orm);
  await orm.close();

  process.env.HUHANG_TEST_SERVER_URL = db.url;
  process.env.HUHANG_TEST_TEMPLATE = template;
  globalThis.__huhangTestDb = db;
  console.log(
    `[test] PostgreSQL ready (${db.kind === 'external' ? 'DATABASE_URL' : 'embedded'}) in ${Date.now() - started} ms; template ${template}`,
  );
};
