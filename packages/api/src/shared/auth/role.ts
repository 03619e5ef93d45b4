import { registerEnumType } from 'type-graphql';

/** What a signed-in user may do; the public reaches the API through an embed key instead. */
export enum Role {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  PROGRAM_ADMIN = 'PROGRAM_ADMIN',
  PARK_ADMIN = 'PARK_ADMIN',
  OFFICER = 'OFFICER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'Role of a user (角色).',
  valuesConfig: {
    SYSTEM_ADMIN: { description: 'System administrator: everything (系统管理员).' },
    PROGRAM_ADMIN: { description: 'Program administrator: the parks of their programs (机制管理员).' },
    PARK_ADMIN: { description: 'Park administrator: their parks only (园区管理员).' },
    OFFICER: { description: 'Liaison officer: records own visits and patrols, reads the enterprises assigned (护航警官).' },
  },
});

/**
 * Who may call a query or mutation, as given to `@Authorized(...)`. Besides the roles: `PUBLIC` is a
 * request with an embed key (read-only, public aggregated figures), `ANONYMOUS` one without credentials.
 */
export type Audience = Role | 'PUBLIC' | 'ANONYMOUS';

export const ADMINS: Audience[] = [Role.SYSTEM_ADMIN, Role.PROGRAM_ADMIN, Role.PARK_ADMIN];
export const PROGRAM_ADMINS: Audience[] = [Role.SYSTEM_ADMIN, Role.PROGRAM_ADMIN];
export const SYSTEM_ADMINS: Audience[] = [Role.SYSTEM_ADMIN];
export const STAFF: Audience[] = [...ADMINS, Role.OFFICER];
/** Signed-in users and embed keys: public figures, program and park names, the catalog. */
export const EVERYONE: Audience[] = [...STAFF, 'PUBLIC'];
/** Also without credentials: signing in. */
export const ANYONE: Audience[] = [...STAFF, 'ANONYMOUS'];
