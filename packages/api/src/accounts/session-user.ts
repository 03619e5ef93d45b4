import type { EntityManager } from '@mikro-orm/postgresql';
import type { Officer } from '../officers/officer.entity';
import type { Park } from '../parks/park.entity';
import type { Program } from '../programs/program.entity';
import { applyRowGrants, SYSTEM_GRANTS } from '../access/row-security';
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
 * That request still runs with the grants of an anonymous caller, which read none of those rows, so
 * they are read here, as the system, in a transaction of their own. Only these records are: what
 * the answer selects through them is read with the request's grants.
 */
export async function signedInUser(em: EntityManager, userId: number): Promise<User> {
  return em.fork().transactional(async (tx) => {
    await applyRowGrants(tx, SYSTEM_GRANTS);
    const user = await tx.findOneOrFail(User, userId, { populate: ['officer', 'parks', 'programs'], filters: false });
    const byId = <T extends { id: number }>(records: T[]) => [...records].sort((a, b) => a.id - b.id);
    signedIn.set(user, { officer: user.officer ?? null, parks: byId(user.parks.getItems()), programs: byId(user.programs.getItems()) });
    return user;
  });
}

/** The own records read with a sign-in's answer; undefined for any other user object. */
export function ownRecordsOf(user: User): OwnRecords | undefined {
  return signedIn.get(user);
}
