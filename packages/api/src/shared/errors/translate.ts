import { InputErrorReason } from './reasons';
import { RecordErrorReason } from './reasons';
import { OptimisticLockError, ValidationError as OrmValidationError } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error';

interface PgErrorFields {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const CONSTRAINT_SUFFIX = /_(check|unique|foreign|fkey|key|excl|pkey)$/;

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `enterprise_credit_code_check` on table `enterprise` → `creditCode`. */
function fieldOfConstraint(fields: PgErrorFields): string | undefined {
  if (fields.column) return camel(fields.column);
  if (!fields.constraint) return undefined;
  let name = fields.constraint.replace(CONSTRAINT_SUFFIX, '');
  if (fields.table && name.startsWith(`${fields.table}_`)) name = name.slice(fields.table.length + 1);
  return camel(name.replace(/_id$/, ''));
}

/**
 * Turns what the database or the ORM refused into a domain error with a code, so the message a client
 * sees never carries SQL. Returns null for errors that are not the client's to fix.
 */
export function translateError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof OptimisticLockError) {
    return new DomainError(ErrorCode.CONFLICT, '记录已被他人修改，请刷新后重试 (the record was changed meanwhile; reload and retry)', {
      field: 'input.version',
      reason: RecordErrorReason.STALE_VERSION,
    });
  }
  if (error instanceof GraphQLError) return null;
  if (error instanceof OrmValidationError) return null;
  const pg = error as PgErrorFields;
  if (typeof pg?.code !== 'string') return null;
  const field = fieldOfConstraint(pg);
  switch (pg.code) {
    case '23505':
      return new DomainError(ErrorCode.CONFLICT, `${field ?? 'record'} 已存在 (a record with this ${field ?? 'value'} already exists)`, {
        field,
        reason: RecordErrorReason.DUPLICATE,
      });
    case '23P01':
      return new DomainError(ErrorCode.CONFLICT, `${field ?? 'record'} 与已有记录的时间段重叠 (overlaps an existing span)`, {
        field,
        reason: RecordErrorReason.OVERLAP,
      });
    case '23503':
      return new DomainError(
        ErrorCode.CONFLICT,
        `仍有记录引用该数据，或引用的数据不存在 (the record is still referenced, or refers to one that does not exist)`,
        { field, reason: RecordErrorReason.REFERENCE },
      );
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new DomainError(ErrorCode.BAD_USER_INPUT, `${field ?? 'input'} 不符合规则 (breaks a rule of the data)`, {
        field,
        reason: pg.code === '23502' ? InputErrorReason.REQUIRED : InputErrorReason.RULE,
      });
    default:
      return null;
  }
}
