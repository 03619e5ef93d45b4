const { Client } = require('pg');
const { withDatabase } = require('../packages/api/dist/shared/db/database');

module.exports = async function globalTeardown() {
  const db = globalThis.__huhangTestDb;
  if (!db) return;
  const admin = new Client({ connectionString: withDatabase(process.env.HUHANG_TEST_SERVER_URL, 'postgres') });
  await admin.connect();
  try {
    // This run's template and test databases, and those a finished or crashed run left behind
    // (its template is gone). Another run on the same server keeps its template while it runs, and
    // its databases are left alone: dropping them would cut its tests off mid-way.
    const template = process.env.HUHANG_TEST_TEMPLATE;
    const own = `huhang_test_${template.replace(/^huhang_template_/, '')}_`;
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE 'huhang_test_%'`, [template]);
    const templates = new Set(
      (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'huhang_template_%'`)).rows.map((r) => r.datname),
    );
    for (const { datname } of rows) {
      const run = /^huhang_test_(\d+)_/.exec(datname)?.[1];
      const ours = datname === template || datname.startsWith(own);
      if (ours || (run && !templates.has(`huhang_template_${run}`))) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      } else if (!run) {
        // A database named the older way: dropped only when nobody is connected to it.
        await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
      }
    }
  } finally {
    await admin.end();
  }
  await db.stop();
};
