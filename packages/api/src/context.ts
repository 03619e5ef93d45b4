import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';

/** Everything a resolver may use for one request, made in one place. */
export interface Context {
  em: EntityManager;
}

export function createContext(orm: MikroORM<PostgreSqlDriver>): Context {
  return { em: orm.em.fork() };
}
