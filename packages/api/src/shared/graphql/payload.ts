import { Field, ObjectType, type ClassType } from 'type-graphql';

/** What every mutation payload carries besides its record. */
export interface MutationPayload<T> {
  clientMutationId?: string | null;
  record: T;
}

/**
 * A Relay payload type `name` with the client's `clientMutationId` and the record under `field`,
 * e.g. `payloadType('RecordVisitPayload', Visit, 'visit')` → `{ clientMutationId, visit }`.
 */
export function payloadType<T extends object>(name: string, type: ClassType<T>, field: string, description?: string): ClassType<object> {
  @ObjectType(name, { description: description ?? `Result of a mutation: the ${field} it wrote.` })
  class Payload {
    @Field(() => String, { nullable: true, description: 'The `clientMutationId` the client sent, echoed back.' })
    clientMutationId?: string | null;

    record!: T;
  }
  Field(() => type, { name: field, description: `The ${field} as stored.` })(Payload.prototype, 'record');
  return Payload;
}
