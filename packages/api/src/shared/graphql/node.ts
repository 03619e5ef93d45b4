import { Field, ID, InterfaceType } from 'type-graphql';

/** The Relay object-identification interface: every record is reachable by `node(id:)`. */
@InterfaceType('Node', {
  description: 'A record with a global id that `node(id:)` can fetch (Relay object identification).',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Global id: opaque, stable, unique across all types.' })
  nodeId!: string;
}
