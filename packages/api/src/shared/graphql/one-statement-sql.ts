import {
  getNullableType,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  GraphQLString,
  type GraphQLOutputType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * What the one-statement planner (one-statement.ts) reads of the schema, and the SQL it writes for
 * scalars and global ids.
 */

export interface FieldInfo {
  property?: string;
  roles?: readonly unknown[];
  resolved: boolean;
}

/** The type-graphql metadata the planner needs: which fields have resolvers, their roles, their properties. */
export class SchemaFacts {
  private readonly fields = new Map<string, FieldInfo>();
  private readonly queries = new Map<string, readonly unknown[] | undefined>();

  constructor() {
    const storage = getMetadataStorage();
    for (const query of storage.queries) this.queries.set(query.schemaName, query.roles);
    for (const resolver of storage.fieldResolvers) {
      const type = resolver.getObjectType?.() as { name?: string } | undefined;
      if (type?.name) this.fields.set(`${type.name}.${resolver.schemaName}`, { roles: resolver.roles, resolved: true });
    }
    const byClass = new Map<object, typeof storage.fields>();
    for (const field of storage.fields) byClass.set(field.target, [...(byClass.get(field.target) ?? []), field]);
    for (const objectType of storage.objectTypes) {
      for (
        let cls: object | null = objectType.target;
        cls && cls !== Function.prototype;
        cls = Object.getPrototypeOf(cls) as object | null
      ) {
        for (const field of byClass.get(cls) ?? []) {
          const key = `${objectType.name}.${field.schemaName}`;
          if (!this.fields.has(key)) this.fields.set(key, { property: field.name, roles: field.roles, resolved: false });
        }
      }
    }
  }

  field(type: string, name: string): FieldInfo | undefined {
    return this.fields.get(`${type}.${name}`);
  }

  queryRoles(name: string): readonly unknown[] | undefined {
    return this.queries.get(name);
  }
}

export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** PostgreSQL's text of a global id, as `toGlobalId` writes it: base64url of `Type:id`, unpadded. */
export const globalIdSql = (type: string, idSql: string) =>
  `translate(encode(convert_to(${literal(`${type}:`)} || ${idSql}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/** The SQL of a column as the field's GraphQL type serializes it; null for a type this planner does not write. */
export function scalarSql(type: GraphQLOutputType, column: string): string | null {
  const named = getNullableType(type);
  if (named instanceof GraphQLList) {
    const item = getNullableType(named.ofType);
    return item === GraphQLString || sameNames(item) ? column : null;
  }
  if (named === GraphQLString || named === GraphQLBoolean || named === GraphQLInt || named === GraphQLFloat || sameNames(named))
    return column;
  if (!('name' in named)) return null;
  if (named.name === 'LocalDate') return column;
  if (named.name === 'DateTimeISO') return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return null;
}

/** An enum whose values are stored as their names. */
function sameNames(type: unknown): boolean {
  return type instanceof GraphQLEnumType && type.getValues().every((value) => value.value === value.name);
}
