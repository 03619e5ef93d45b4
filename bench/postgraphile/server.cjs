// PostGraphile 5 with its default preset (amber) on the benchmark's database, as a peer to measure
// Huhang against. DATABASE_URL and PORT come from `npm run bench:api`.
require('./polyfill.cjs');
const { createServer } = require('node:http');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql' },
});
const server = createServer();
pgl
  .createServ(grafserv)
  .addTo(server)
  .then(() => server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready')));
process.on('SIGTERM', () => server.close(() => pgl.release().then(() => process.exit(0))));
