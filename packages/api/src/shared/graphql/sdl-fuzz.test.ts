import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isCompositeType,
  GraphQLNonNull,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { startTestApi, type GraphqlResult, type TestApi } from '../../test-support/api';
import { generateDemo } from '../../demo/generator';
import { repoRoot } from '../db/database';

/**
 * Every argument of every operation in the committed SDL, given bad values one at a time (the other
 * arguments plausible), as the system administrator and anonymously: no answer may be an internal
 * error or an HTTP 500. The values are made from the types alone, so a new field is covered the day
 * it enters the SDL.
 */

let api: TestApi;
let schema: GraphQLSchema;
/** A real record's global id per type, so that plausible ids reach the code behind the lookup. */
const realIds = new Map<string, string>();

beforeAll(async () => {
  api = await startTestApi((db) => generateDemo(db.sql, { enterprises: 20, months: 1, endDate: '2026-10-20' }));
  schema = buildSchema(readFileSync(join(repoRoot(), 'packages/schema/schema.graphql'), 'utf8'));
  const { rows } = await api.db.sql.query<{ type: string; id: number }>(
    `SELECT 'Program' AS type, min(id) AS id FROM program UNION ALL SELECT 'Park', min(id) FROM park
     UNION ALL SELECT 'Enterprise', min(id) FROM enterprise UNION ALL SELECT 'Officer', min(id) FROM officer`,
  );
  for (const row of rows) realIds.set(row.type, Buffer.from(`${row.type}:${row.id}`).toString('base64'));
});

afterAll(async () => {
  await api.close();
});

const LONG = 'x'.repeat(20_000);

/** Values of the wrong shape or content for a named input type. */
function badValues(type: GraphQLInputType): unknown[] {
  const named = getNamedType(type);
  const common = [null, {}, [], true];
  if (isEnumType(named)) return [...common, 'NOT_A_VALUE', 'x'.repeat(300), 1];
  if (isInputObjectType(named)) return [...common, 'text', 1, { unknownField: 1 }];
  switch (named.name) {
    case 'ID':
      return [
        ...common,
        '',
        '\u0000',
        '\ud800',
        'not-an-id',
        'UGFyazo=',
        Buffer.from('Park:-1').toString('base64'),
        Buffer.from('Park:99999999999999999999').toString('base64'),
        Buffer.from('Nope:1').toString('base64'),
        LONG,
        1.5,
      ];
    case 'String':
      return [...common, '\u0000', '\ud800', LONG, 1];
    case 'Int':
      return [...common, 2 ** 31, -(2 ** 31) - 1, -1, 0, 1.5, '1', 1e308];
    case 'Float':
      return [...common, -1e308, 1e308, '1', -0.000001];
    case 'Boolean':
      return [...common, 'yes', 0];
    default:
      // Dates, times, JSON and the other custom scalars.
      return [...common, 'not-a-value', '2026-02-30', '2026-13-01T00:00:00Z', '\u0000', LONG, -1, 1e21];
  }
}

/** A plausible value for a type, or undefined when an optional one is best left out. */
function plausible(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (!isNonNullType(type) && depth > 0) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = plausible(inner.ofType as GraphQLInputType, name, depth + 1);
    return item === undefined ? [] : [item];
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    if (depth > 3) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      const v = plausible(field.type, field.name, depth + 1);
      if (v !== undefined) value[field.name] = v;
    }
    return value;
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'ID': {
        const type = Object.keys(Object.fromEntries(realIds)).find((t) => name.toLowerCase().includes(t.toLowerCase()));
        return realIds.get(type ?? 'Enterprise');
      }
      case 'String':
        return /password/i.test(name) ? 'Some-password-1' : 'x';
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'LocalDate':
        return '2026-10-01';
      case 'DateTimeISO':
        return '2026-10-01T00:00:00.000Z';
      default:
        return 'x';
    }
  }
  return undefined;
}

interface Case {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  /** Where the bad value went, for the failure message. */
  at: string;
}

/** For each argument, and each field of an input-object argument, each bad value in turn. */
function cases(operation: 'query' | 'mutation'): Case[] {
  const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const out: Case[] = [];
  for (const field of Object.values(root.getFields())) {
    const base: Record<string, unknown> = {};
    for (const arg of field.args) {
      const v = plausible(arg.type, arg.name);
      if (v !== undefined || isNonNullType(arg.type)) base[arg.name] = v;
    }
    for (const arg of field.args) {
      for (const bad of badValues(arg.type))
        out.push({ operation, field, args: { ...base, [arg.name]: bad }, at: `${field.name}(${arg.name})` });
      const named = getNamedType(arg.type);
      if (!isInputObjectType(named)) continue;
      const whole = plausible(new GraphQLNonNull(named), arg.name);
      const object = whole && typeof whole === 'object' && !Array.isArray(whole) ? whole : {};
      for (const inner of Object.values(named.getFields())) {
        for (const bad of badValues(inner.type)) {
          out.push({
            operation,
            field,
            args: { ...base, [arg.name]: { ...object, [inner.name]: bad } },
            at: `${field.name}(${arg.name}.${inner.name})`,
          });
        }
      }
    }
  }
  return out;
}

function document(c: Case): string {
  const definitions = c.field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${arg.type.toString()}`);
  const passing = c.field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const selection = isCompositeType(getNamedType(c.field.type)) ? ' { __typename }' : '';
  return `${c.operation}${definitions.length ? ` (${definitions.join(', ')})` : ''} { ${c.field.name}${passing.length ? `(${passing.join(', ')})` : ''}${selection} }`;
}

/** How the answers came out, by first error code (or `data`): printed, so that a run shows what it reached. */
const outcomes = new Map<string, number>();

async function run(c: Case, send: (query: string, variables: Record<string, unknown>) => Promise<GraphqlResult>): Promise<string | null> {
  const result = await send(document(c), c.args);
  const outcome = String(result.errors?.[0]?.extensions?.code ?? 'data');
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  const internal = result.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
  if (result.status >= 500 || internal)
    return `${c.at} with ${JSON.stringify(c.args).slice(0, 200)}: HTTP ${result.status} ${internal?.message ?? ''}`;
  for (const e of result.errors ?? []) {
    if (/\bat .+\.(js|ts):\d+|select .+ from|insert into/i.test(e.message)) return `${c.at}: an error shows code or SQL: ${e.message}`;
  }
  return null;
}

describe('every argument of the SDL, given bad values', () => {
  it('answers every query and mutation with a clear error, never an internal one, signed in and anonymously', async () => {
    const all = [...cases('query'), ...cases('mutation')];
    expect(all.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    const anonymous = api.as({});
    // Mutations that could end the administrator's own session are sent anonymously.
    const anonymousOnly = new Set(['logout', 'changePassword', 'disableUser', 'refreshToken']);
    for (let i = 0; i < all.length; i++) {
      const c = all[i]!;
      const failure = await run(c, i % 4 === 3 || anonymousOnly.has(c.field.name) ? anonymous : api.gql);
      if (failure) failures.push(failure);
    }
    console.log(`[sdl fuzz] ${all.length} requests: ${[...outcomes].map(([code, n]) => `${code} ${n}`).join(', ')}`);
    expect(failures).toEqual([]);
    // The bad values were refused as input (by coercion or the resolvers' checks), not lost elsewhere.
    expect(outcomes.get('BAD_USER_INPUT')).toBeGreaterThan(500);
  }, 600_000);
});
