import type { EntityManager } from '@mikro-orm/postgresql';
import type { Officer } from '../officers/officer.entity';
import type { Park } from '../parks/park.entity';
import type { Program } from '../programs/program.entity';
import type { Context } from '../access/context';
import { applyRowGrants, rowGrantsOf, SYSTEM_GRANTS, withRowGrants } from '../access/row-security';
import { User } from './user.entity';

/** The records that say who a user is: the officer record they sign in as, their parks and programs. */
export interface OwnRecords {
  officer: Officer | null;
  parks: Park[];
  programs: Program[];
}

const signedIn = new WeakMap<User, OwnRecords>();

/**
 * The user a sign-in or a refresh answers with, with their own officer record, parks and programs.
 * That request runs with the grants of an anonymous caller, which read none of those rows, so they
 * are read as the system: in the request's own transaction, whose grants are set back at once (a
 * transaction of their own would hold a second connection while the first waits, and sign-ins
 * enough to fill the pool would wait on each other). Only these records are read so: what the
 * answer selects through them is read with the request's grants.
 */
export async function signedInUser(ctx: Context, userId: number): Promise<User> {
  const read = async (em: EntityManager) => {
    const user = await em.findOneOrFail(User, userId, { populate: ['officer', 'parks', 'programs'], filters: false });
    const byId = <T extends { id: number }>(records: T[]) => [...records].sort((a, b) => a.id - b.id);
    signedIn.set(user, { officer: user.officer ?? null, parks: byId(user.parks.getItems()), programs: byId(user.programs.getItems()) });
    return user;
  };
  if (!ctx.em.isInTransaction()) return withRowGrants(ctx.em, SYSTEM_GRANTS, read);
  await applyRowGrants(ctx.em, SYSTEM_GRANTS);
  try {
    return await read(ctx.em);
  } finally {
    await applyRowGrants(ctx.em, rowGrantsOf(ctx.viewer));
  }
}

/** The own records read with a sign-in's answer; undefined for any other user object. */
export function ownRecordsOf(user: User): OwnRecords | undefined {
  return signedIn.get(user);
}
