import { AccountErrorReason } from './account.errors';
import { InputErrorReason } from '../shared/errors/reasons';
import { AccessErrorReason } from '../access/access.errors';
import { RecordErrorReason } from '../shared/errors/reasons';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../access/context';
import { conflict, forbidden } from '../shared/errors/domain-error';
import { containing, findForChange, findRecord, findRecords } from '../shared/graphql/records';
import type { Ordering } from '../shared/pagination';
import { orderedBy } from '../shared/pagination/order';
import { DomainValidationError } from '../shared/validation';
import { Park } from '../parks/park.entity';
import { Program } from '../programs/program.entity';
import { Officer } from '../officers/officer.entity';
import {
  UserOrderField,
  type ChangePasswordInput,
  type CreateUserInput,
  type DisableUserInput,
  type UserFilter,
  type UserOrder,
} from './access.inputs';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { Role } from '../shared/auth/role';
import { revokeSessions } from './session.service';
import { User } from './user.entity';
import type { Viewer } from '../access/viewer';

const USER_ORDER_PROPERTY: Record<UserOrderField, string> = { USERNAME: 'username', DISPLAY_NAME: 'displayName' };

/** The users' order: by username unless asked otherwise. */
export function userOrdering(order?: UserOrder | null): Ordering {
  return orderedBy(USER_ORDER_PROPERTY[order?.field ?? UserOrderField.USERNAME], order?.direction);
}

const USERNAME = /^[A-Za-z0-9_.@-]{3,50}$/;

export function userWhere(filter?: UserFilter | null): FilterQuery<User> {
  const where: Record<string, unknown> = {};
  if (filter?.role) where.role = filter.role;
  if (filter?.search?.trim()) {
    where.$or = [{ username: { $ilike: containing(filter.search) } }, { displayName: { $ilike: containing(filter.search) } }];
  }
  return where as FilterQuery<User>;
}

/** Which roles a viewer may give: a program administrator makes park administrators and officers of its programs. */
function assertMayManage(viewer: Viewer, role: Role): void {
  if (viewer.isSystemAdmin) return;
  if (viewer.role === Role.PROGRAM_ADMIN && (role === Role.PARK_ADMIN || role === Role.OFFICER)) return;
  throw forbidden(`无权管理角色为 ${role} 的用户 (you may not manage users with the role ${role})`, AccessErrorReason.ROLE);
}

/** Usernames are unique regardless of case, as the database's unique index on lower(username) says. */
async function usernameTaken(em: EntityManager, username: string): Promise<boolean> {
  const rows = await em.execute<Array<{ id: number }>>('SELECT id FROM app_user WHERE lower(username) = lower(?)', [username]);
  return rows.length > 0;
}

function assertPassword(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new DomainValidationError(field, problem, AccountErrorReason.WEAK_PASSWORD);
}

/**
 * Creates a user with the grants its role needs: parks for a park administrator, programs for a
 * program administrator, an officer record for an officer. The grants are looked up in the viewer's
 * scope, so a program administrator cannot hand out another program's parks.
 */
export async function createUser(em: EntityManager, viewer: Viewer, input: CreateUserInput): Promise<User> {
  assertMayManage(viewer, input.role);
  if (!USERNAME.test(input.username)) {
    throw new DomainValidationError(
      'username',
      '用户名应为 3 至 50 个字母、数字或 _ . - @ (3–50 letters, digits or _ . - @)',
      InputErrorReason.FORMAT,
    );
  }
  assertPassword(input.password, 'password');
  if (await usernameTaken(em, input.username))
    throw conflict('用户名已被使用 (this username is taken)', { field: 'username', reason: RecordErrorReason.DUPLICATE });
  const needs = (field: 'parkIds' | 'programIds' | 'officerId', present: boolean, wanted: boolean) => {
    if (present && !wanted)
      throw new DomainValidationError(field, `${input.role} 不需要 ${field} (not used for this role)`, InputErrorReason.NOT_ALLOWED);
    if (!present && wanted)
      throw new DomainValidationError(field, `${input.role} 需要 ${field} (required for this role)`, InputErrorReason.REQUIRED);
  };
  needs('parkIds', !!input.parkIds?.length, input.role === Role.PARK_ADMIN);
  needs('programIds', !!input.programIds?.length, input.role === Role.PROGRAM_ADMIN);
  needs('officerId', !!input.officerId, input.role === Role.OFFICER);
  // The grants are read before the user exists: a query for users would flush a half-made one.
  const parks = input.parkIds?.length ? await findRecords(em, Park, input.parkIds, 'parkIds', { active: true }) : [];
  const programs = input.programIds?.length ? await findRecords(em, Program, input.programIds, 'programIds', { active: true }) : [];
  const officer = input.officerId ? await findRecord(em, Officer, input.officerId, 'officerId') : undefined;
  if (officer && (await em.count(User, { officer }, { filters: false })))
    throw conflict('该民警已有账户 (this officer already has a user)', { field: 'officerId', reason: RecordErrorReason.DUPLICATE });
  const user = em.create(User, {
    username: input.username,
    displayName: input.displayName.trim(),
    role: input.role,
    passwordHash: await hashPassword(input.password),
    officer,
  });
  user.parks.set(parks);
  user.programs.set(programs);
  return user;
}

/** Disables a user: signing in is refused from now on and every open session ends. */
export async function disableUser(em: EntityManager, viewer: Viewer, input: DisableUserInput): Promise<User> {
  const user = await findForChange(em, User, input);
  assertMayManage(viewer, user.role);
  if (user.id === viewer.grants.userId) throw forbidden('不能停用自己 (you cannot disable yourself)', AccountErrorReason.SELF);
  if (user.disabledAt) throw conflict('该用户已停用 (the user is already disabled)', { reason: AccountErrorReason.ALREADY_DISABLED });
  user.disabledAt = new Date();
  await revokeSessions(em, user.id, 'DISABLED');
  return user;
}

/** Changes the viewer's own password after checking the current one; other sessions end. */
export async function changePassword(ctx: Context, input: ChangePasswordInput): Promise<User> {
  const em = ctx.em;
  const userId = ctx.viewer.grants.userId as number;
  const [row] = await em.execute<Array<{ password_hash: string }>>('SELECT password_hash FROM app_user WHERE id = ?', [userId]);
  if (!row || !(await verifyPassword(input.currentPassword, row.password_hash))) {
    throw new DomainValidationError(
      'input.currentPassword',
      '当前密码不正确 (the current password is wrong)',
      AccountErrorReason.WRONG_PASSWORD,
    );
  }
  assertPassword(input.newPassword, 'input.newPassword');
  await em.transactional(async (tx) => {
    await tx.execute('UPDATE app_user SET password_hash = ?, version = version + 1, updated_at = now() WHERE id = ?', [
      await hashPassword(input.newPassword),
      userId,
    ]);
    await tx.execute(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'PASSWORD_CHANGED' WHERE user_id = ? AND revoked_at IS NULL AND id <> ?::uuid`,
      [userId, ctx.viewer.grants.sessionId],
    );
    await tx.execute(
      `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, outcome, after, client_address, request_id)
       VALUES ('USER', ?, ?, 'changePassword', 'User', ?, 'SUCCESS', '{"passwordHash":"[redacted]"}'::jsonb, ?, ?::uuid)`,
      [userId, ctx.actor.name, userId, ctx.actor.clientAddress, ctx.actor.requestId],
    );
  });
  return em.findOneOrFail(User, userId, { refresh: true });
}

/**
 * The first system administrator (or another one), made from the command line: `npm run admin:create`.
 * Audited as done by the system.
 */
export async function createAdministrator(
  em: EntityManager,
  input: { username: string; displayName?: string; password: string },
): Promise<number> {
  if (!USERNAME.test(input.username)) throw new Error('the username must be 3–50 letters, digits or _ . - @');
  const problem = passwordProblem(input.password);
  if (problem) throw new Error(`the password is too weak: ${problem}`);
  return em.transactional(async (tx) => {
    if (await usernameTaken(tx, input.username)) throw new Error(`a user named ${input.username} exists already`);
    const [row] = await tx.execute<Array<{ id: number }>>(
      `INSERT INTO app_user (username, display_name, role, password_hash) VALUES (?, ?, 'SYSTEM_ADMIN', ?) RETURNING id`,
      [input.username, input.displayName ?? input.username, await hashPassword(input.password)],
    );
    await tx.execute(
      `INSERT INTO audit_log (actor_type, action, entity, entity_id, outcome, after) VALUES ('SYSTEM', 'createAdministrator', 'User', ?, 'SUCCESS', ?::jsonb)`,
      [row.id, JSON.stringify({ username: input.username, role: 'SYSTEM_ADMIN' })],
    );
    return row.id;
  });
}
