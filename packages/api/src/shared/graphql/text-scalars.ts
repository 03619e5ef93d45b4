import { GraphQLError, GraphQLID, GraphQLString, Kind, type GraphQLScalarType, type ValueNode } from 'graphql';

/** A NUL character, which PostgreSQL cannot store, or half of a surrogate pair, which is no character at all. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function refuse(message: string): never {
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function checked(text: string, id: boolean): string {
  if (UNSTORABLE.test(text)) {
    refuse('含有无法保存的字符（NUL 或不成对的代理项） (contains a NUL character or a lone surrogate)');
  }
  if (id && text.trim() === '') refuse('ID 不能为空 (an id cannot be empty)');
  return text;
}

function harden(scalar: GraphQLScalarType, id: boolean): void {
  const parseValue = scalar.parseValue.bind(scalar);
  const parseLiteral = scalar.parseLiteral.bind(scalar);
  scalar.parseValue = (value: unknown) => {
    const parsed = parseValue(value);
    return typeof parsed === 'string' ? checked(parsed, id) : parsed;
  };
  scalar.parseLiteral = (node: ValueNode, variables?: { [key: string]: unknown } | null) => {
    const parsed = parseLiteral(node, variables);
    return node.kind === Kind.STRING || typeof parsed === 'string' ? checked(String(parsed), id) : parsed;
  };
}

let hardened = false;

/**
 * Every `String` and `ID` the API accepts, in variables or in the document, is refused as
 * BAD_USER_INPUT when it holds a NUL character or a lone surrogate (PostgreSQL refuses the first
 * with an error, the second would be stored as U+FFFD); an `ID` also when it is empty. Refused at
 * the door, before any resolver, rather than failing inside the database. Called once, before the
 * schema is built.
 */
export function hardenTextScalars(): void {
  if (hardened) return;
  hardened = true;
  harden(GraphQLString, false);
  harden(GraphQLID, true);
}
