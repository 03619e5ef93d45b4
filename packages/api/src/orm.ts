import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { join } from 'node:path';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { notFound } from './shared/errors/domain-error';

export function ormOptions(url: string, overrides: Partial<Options<PostgreSqlDriver>> = {}): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: ENTITIES,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    // A reference out of the viewer's scope loads as nothing: say NOT_FOUND rather than fail inside the ORM.
    findOneOrFailHandler: (entityName: string) => notFound(entityName),
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: join(__dirname, '../../migrations'),
      pathTs: join(__dirname, '../../../src/migrations'),
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: 10 },
    // A slow statement is cancelled rather than holding a connection. JIT compilation is off for the
    // API's sessions: it costs seconds on the statistics statements and saves nothing on the short
    // ones. The only prepared statements, the statistics engine's, are planned once for any
    // parameters (docs/decisions/0007-read-performance.md).
    driverOptions: { connection: { statement_timeout: 15_000, options: '-c jit=off -c plan_cache_mode=force_generic_plan' } },
    ...overrides,
  };
}

export async function createOrm(url: string, overrides: Partial<Options<PostgreSqlDriver>> = {}): Promise<MikroORM<PostgreSqlDriver>> {
  return MikroORM.init(ormOptions(url, overrides));
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM<PostgreSqlDriver>): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
