import { registerEnumType } from 'type-graphql';

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
