const { Client } = require('pg');
const { withDatabase } = require('../packages/api/dist/shared/db/database');

module.exports = async function globalTeardown() {
  const db = globalThis.__huhangTestDb;
  if (!db) return;
  const admin = new Client({ connectionString: withDatabase(process.env.HUHANG_TEST_SERVER_URL, 'postgres') });
  await admin.connect();
  try {
    // The template of this run and any test database a crashed run left behind.
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE 'huhang_test_%'`, [
      process.env.HUHANG_TEST_TEMPLATE,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await db.stop();
};
