import { InputErrorReason } from '../errors/reasons';
import type { FilterQuery } from '@mikro-orm/core';
import { DomainValidationError } from '../validation/domain-validation.error';
import { validateInput } from '../graphql/input-validation';
import { DEFAULT_PAGE_SIZE, type PageInfo, type ConnectionArgs } from './connection';

export type Direction = 'asc' | 'desc';

/** A stable ordering: entity properties with directions, ending with `id` so no two rows tie. */
export type Ordering = ReadonlyArray<readonly [property: string, direction: Direction]>;

type CursorValue = string | number | boolean | null;

function cursorValue(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value as CursorValue;
}

export function encodeCursor(record: object, ordering: Ordering): string {
  const values = ordering.map(([property]) => cursorValue((record as Record<string, unknown>)[property]));
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, ordering: Ordering, field: string): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === ordering.length &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      return values as CursorValue[];
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainValidationError(
    field,
    `${field} 不是本列表的游标 (not a cursor of this list and ordering)`,
    InputErrorReason.INVALID_CURSOR,
  );
}

/** Rows strictly after (`forward`) or before the cursor values in the ordering. */
function beyond<T>(ordering: Ordering, values: CursorValue[], forward: boolean): FilterQuery<T> {
  const alternatives: Record<string, unknown>[] = [];
  ordering.forEach(([property, direction], index) => {
    const alternative: Record<string, unknown> = {};
    for (let j = 0; j < index; j++) alternative[ordering[j][0]] = values[j];
    const greater = (direction === 'asc') === forward;
    alternative[property] = { [greater ? '$gt' : '$lt']: values[index] };
    alternatives.push(alternative);
  });
  return { $or: alternatives } as FilterQuery<T>;
}

export interface PagePlan<T> {
  /** The filter plus the cursor bounds. */
  where: FilterQuery<T>;
  /** Order to fetch in (reversed when paging backward). */
  orderBy: Array<Record<string, Direction>>;
  /** How many to show; one more is fetched to know whether more follow. */
  size: number;
  backward: boolean;
}

/** Checks the paging arguments and turns them into a fetch plan. */
export async function planPage<T>(where: FilterQuery<T>, ordering: Ordering, args: ConnectionArgs): Promise<PagePlan<T>> {
  await validateInput(args, '');
  if (args.first != null && args.last != null) {
    throw new DomainValidationError('last', 'first 与 last 不能同时使用 (use either first or last)', InputErrorReason.EXCLUSIVE);
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const bounds: FilterQuery<T>[] = [where];
  if (args.after) bounds.push(beyond<T>(ordering, decodeCursor(args.after, ordering, 'after'), true));
  if (args.before) bounds.push(beyond<T>(ordering, decodeCursor(args.before, ordering, 'before'), false));
  const flip = (direction: Direction): Direction => (direction === 'asc' ? 'desc' : 'asc');
  return {
    where: bounds.length === 1 ? where : ({ $and: bounds } as FilterQuery<T>),
    orderBy: ordering.map(([property, direction]) => ({ [property]: backward ? flip(direction) : direction })),
    size,
    backward,
  };
}

/** Cuts the fetched rows (size + 1 at most) into a page's nodes and page info. */
export function finishPage<T extends object>(
  rows: T[],
  plan: Pick<PagePlan<T>, 'size' | 'backward'>,
  args: ConnectionArgs,
  ordering: Ordering,
): { nodes: T[]; cursorOf: (node: T) => string; pageInfo: PageInfo } {
  const more = rows.length > plan.size;
  const nodes = rows.slice(0, plan.size);
  if (plan.backward) nodes.reverse();
  const cursorOf = (node: T) => encodeCursor(node, ordering);
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  const pageInfo: PageInfo = {
    hasNextPage: plan.backward ? args.before != null : more,
    hasPreviousPage: plan.backward ? more : args.after != null,
    startCursor: first ? cursorOf(first) : null,
    endCursor: last ? cursorOf(last) : null,
  };
  return { nodes, cursorOf, pageInfo };
}
