import { Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import type { Context } from '../access/context';
import { validateInput } from '../shared/graphql/input-validation';
import { parseGlobalId } from '../shared/graphql/global-id';
import { SYSTEM_ADMINS } from '../shared/auth/role';
import { maskPersonalJson } from '../shared/auth/masking';

@ObjectType({ description: 'One row of the audit trail (审计日志): a successful mutation, a sign-in, or a read of personal data.' })
class AuditEntry {
  @Field(() => ID, { description: 'Row id; rows only grow.' })
  id!: string;

  @Field({ description: 'When.' })
  at!: Date;

  @Field({ description: 'USER, KEY, ANONYMOUS or SYSTEM.' })
  actorType!: string;

  @Field(() => Int, { nullable: true, description: 'Row id of the user or key.' })
  actorId!: number | null;

  @Field(() => String, { nullable: true, description: 'Username or key name at the time.' })
  actorName!: string | null;

  @Field({ description: 'The mutation (e.g. updateEnterprise), login, logout, or READ_PERSONAL.' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Type of the record.' })
  entity!: string | null;

  @Field(() => Int, { nullable: true, description: 'Row id of the record.' })
  entityId!: number | null;

  @Field({ description: 'SUCCESS.' })
  outcome!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Changed fields before the change.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Changed fields after the change; for READ_PERSONAL, the fields shown.' })
  after!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Other records the mutation touched.' })
  related!: unknown;

  @Field(() => String, { nullable: true, description: 'Client address.' })
  clientAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Request id, as in the server log.' })
  requestId!: string | null;
}

@ObjectType({ description: 'A page of the audit trail, newest first.' })
class AuditPage {
  @Field(() => [AuditEntry], { description: 'The rows.' })
  nodes!: AuditEntry[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;
}

@InputType({ description: 'Which audit rows.' })
class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Global id of a record: its rows only.' })
  @IsOptional()
  @MaxLength(100)
  record?: string | null;

  @Field(() => String, { nullable: true, description: 'One action, e.g. updateEnterprise or READ_PERSONAL.' })
  @IsOptional()
  @MaxLength(100)
  action?: string | null;

  @Field(() => Int, { nullable: true, description: 'Rows of this user.' })
  @IsOptional()
  @IsInt()
  userId?: number | null;

  @Field(() => Date, { nullable: true, description: 'From this time, included.' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until this time, excluded.' })
  @IsOptional()
  to?: Date | null;
}

@ArgsType()
class AuditArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Rows per page, 1–100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the page before.' })
  @IsOptional()
  @Matches(/^[0-9]{1,19}$/, { message: 'after must be a cursor from endCursor' })
  after?: string | null;

  @Field(() => AuditFilter, { nullable: true, description: 'Which rows.' })
  @IsOptional()
  filter?: AuditFilter | null;
}

@Resolver()
export class AuditResolver {
  @Authorized(...SYSTEM_ADMINS)
  @Query(() => AuditPage, { description: 'The audit trail (审计日志), newest first; system administrators only.' })
  async auditLog(@Args() args: AuditArgs, @Ctx() { em, personalReads }: Context): Promise<AuditPage> {
    await validateInput(args, '');
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = args.filter;
    if (filter?.record) {
      const { type, id } = parseGlobalId(filter.record, 'filter.record');
      where.push('entity = ? AND entity_id = ?');
      params.push(type, id);
    }
    const condition = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (filter?.action) condition('action = ?', filter.action);
    if (filter?.userId) condition(`actor_type = 'USER' AND actor_id = ?`, filter.userId);
    if (filter?.from) condition('at >= ?', filter.from);
    if (filter?.to) condition('at < ?', filter.to);
    if (args.after) condition('id < ?', args.after);
    // Ordered by the column, not by the text `id` the select gives (where "9" would come before "10").
    const rows = await em.execute<Array<Record<string, unknown>>>(
      `SELECT id::text, at, actor_type, actor_id, actor_name, action, entity, entity_id, outcome, before, after, related, client_address, request_id
         FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.id DESC LIMIT ?`,
      [...params, args.first + 1],
    );
    // Personal data inside a change's before and after is a read of personal data like any other.
    const shown = (row: Record<string, unknown>, column: 'before' | 'after') => {
      const { masked, fields } = maskPersonalJson(row[column]);
      for (const field of fields) personalReads.record('AuditEntry', Number(row.id), `${column}.${field}`, { value: row[column], masked });
      return row[column];
    };
    const page = rows.slice(0, args.first).map((row) =>
      Object.assign(new AuditEntry(), {
        id: row.id,
        // The driver gives timestamps as text (shared/db: exact instants); the scalar wants a Date.
        at: new Date(row.at as string | Date),
        actorType: row.actor_type,
        actorId: row.actor_id,
        actorName: row.actor_name,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        outcome: row.outcome,
        before: shown(row, 'before'),
        after: shown(row, 'after'),
        related: row.related,
        clientAddress: row.client_address,
        requestId: row.request_id,
      }),
    );
    return Object.assign(new AuditPage(), { nodes: page, endCursor: rows.length > args.first ? page[page.length - 1].id : null });
  }
}
