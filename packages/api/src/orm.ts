import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { join } from 'node:path';
import { ENTITIES } from './entities';
import { notFound } from './shared/errors/domain-error';
import { POOL_HOOKS } from './shared/db/one-at-a-time';
import { runWithoutAsyncContext } from './shared/db/no-async-context';

// Before any EntityManager exists: no AsyncLocalStorage ever runs, so Node 20 keeps its promise hooks off.
runWithoutAsyncContext();

export function ormOptions(url: string, overrides: Partial<Options<PostgreSqlDriver>> = {}): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: ENTITIES,
    dataloader: DataloaderType.ALL,
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    // A reference out of the viewer's scope loads as nothing: say NOT_FOUND rather than fail inside the ORM.
    findOneOrFailHandler: (entityName: string) => notFound(entityName),
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: join(__dirname, '../../migrations'),
      pathTs: join(__dirname, '../../../src/migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // A slow statement is cancelled rather than holding a connection. JIT compilation is off for the
    // API's sessions: it costs seconds on the statistics statements and saves nothing on the short
    // ones. The only prepared statements, the statistics engine's, are planned once for any
    // parameters (docs/decisions/0007-read-performance.md).
    driverOptions: { connection: { statement_timeout: 15_000, options: '-c jit=off -c plan_cache_mode=force_generic_plan' } },
    ...overrides,
    pool: { ...(overrides.pool ?? { min: 0, max: 10 }), ...POOL_HOOKS },
  };
}

export async function createOrm(url: string, overrides: Partial<Options<PostgreSqlDriver>> = {}): Promise<MikroORM<PostgreSqlDriver>> {
  return MikroORM.init(ormOptions(url, overrides));
}

/**
 * Applies every pending migration; returns the names applied. The migrations and the migrator are
 * loaded here, not with the ORM: they bring umzug and its command line (about 1 MB of modules) into
 * every process that opens the database, and only the start, the test run's setup and the
 * benchmarks migrate.
 */
export async function migrate(orm: MikroORM<PostgreSqlDriver>): Promise<string[]> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Migrator } = require('@mikro-orm/migrations') as typeof import('@mikro-orm/migrations');
  const { MIGRATIONS } = require('./migrations') as typeof import('./migrations');
  /* eslint-enable @typescript-eslint/no-require-imports */
  orm.config.set('migrations', { ...orm.config.get('migrations'), migrationsList: MIGRATIONS });
  Migrator.register(orm);
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
