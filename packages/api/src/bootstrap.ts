import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { openDatabase, redact, type DatabaseHandle } from './shared/db/database';
import { createOrm, migrate } from './orm';

export interface Bootstrapped {
  db: DatabaseHandle;
  orm: MikroORM<PostgreSqlDriver>;
  close(): Promise<void>;
}

/** Database → ORM → migrations; shared by `npm start`, the db commands and the tests. */
export async function bootstrap(options: { log?: (line: string) => void; dataName?: string } = {}): Promise<Bootstrapped> {
  const log = options.log ?? ((line: string) => console.log(line));
  const db = await openDatabase({ name: options.dataName, log });
  log(`[db] ${db.kind === 'external' ? 'DATABASE_URL' : 'embedded PostgreSQL'}: ${redact(db.url)}`);
  const orm = await createOrm(db.url);
  try {
    const applied = await migrate(orm);
    if (applied.length) log(`[db] applied ${applied.length} migration(s): ${applied.join(', ')}`);
  } catch (error) {
    await orm.close();
    await db.stop();
    throw error;
  }
  return {
    db,
    orm,
    close: async () => {
      await orm.close();
      await db.stop();
    },
  };
}
