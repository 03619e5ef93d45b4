import { registerEnumType } from 'type-graphql';
import type { Ordering } from './keyset';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Direction of an ordering.',
  valuesConfig: { ASC: { description: 'Smallest, earliest or A first.' }, DESC: { description: 'Largest, latest or Z first.' } },
});

export function direction(value: OrderDirection | null | undefined, fallback: 'asc' | 'desc'): 'asc' | 'desc' {
  if (!value) return fallback;
  return value === OrderDirection.ASC ? 'asc' : 'desc';
}

/** An ordering by one column, ties broken by id the same way (so keyset cursors page through it). */
export function orderedBy(property: string, value: OrderDirection | null | undefined, fallback: 'asc' | 'desc' = 'asc'): Ordering {
  const dir = direction(value, fallback);
  return [
    [property, dir],
    ['id', dir],
  ];
}
