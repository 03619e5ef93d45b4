import DataLoader from 'dataloader';
import { raw, ReferenceKind, type EntityMetadata, type EntityProperty, type FilterQuery, type Platform } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoaderRegistry } from '../pagination/loaders';
import { notFound } from '../errors/domain-error';
import { scopeCondition } from './scope-filter';
import { builtRead, readKey } from './built-reads';

/**
 * Reads for the API's answers without the ORM's unit of work.
 *
 * A row comes back as an object of the entity's class (so `instanceof`, the class's getters and the
 * GraphQL types work as for an entity) carrying the columns as plain properties, with each
 * many-to-one relation as a stub that holds only the id. Nothing is hydrated, registered in an
 * identity map or tracked for changes: a row is for reading, and writes keep loading entities
 * through the EntityManager. Lazy columns (password and key hashes) are never read.
 *
 * Rows and entities mix freely in one answer: `related` follows a relation of either.
 */

type Raw = Record<string, unknown>;
type EntityClass<T> = abstract new (...args: never[]) => T;

interface Column {
  property: string;
  column: string;
  convert: (value: unknown) => unknown;
  /** For a many-to-one relation: the shape of the record it points at. */
  target?: () => RowShape<object>;
}

const identity = (value: unknown) => value;

/** The number written by `count` decimal digits of `text` from `at`; NaN when one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A timestamp in PostgreSQL's text form (`2026-09-30 10:00:00.123456+00`), read as the ORM's hydrator
 * reads it (a value without an offset is UTC: forceUtcTimezone), but by position: the general date
 * parser is slow on this form, and a list reads many. Anything else goes to the general parser.
 */
export function parseTimestamp(text: string): Date {
  const separator = text.charCodeAt(10);
  if (text.length < 19 || text.charCodeAt(4) !== 45 || (separator !== 32 && separator !== 84)) return new Date(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let at = 19;
  let ms = 0;
  if (text[at] === '.') {
    at += 1;
    let scale = 100;
    while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) {
      ms += (text.charCodeAt(at) - 48) * scale;
      scale /= 10;
      at += 1;
    }
    ms = Math.floor(ms);
  }
  let offset = 0;
  const sign = text[at];
  if (sign === '+' || sign === '-') {
    const hours = digits(text, at + 1, 2);
    const rest = text.slice(at + 3).replace(':', '');
    const minutes = rest.length >= 2 ? digits(rest, 0, 2) : 0;
    offset = (sign === '+' ? 1 : -1) * (hours * 60 + minutes) * 60_000;
    at = text.length;
  } else if (sign === 'Z') {
    at += 1;
  }
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
  if (at !== text.length || Number.isNaN(time)) return new Date(text);
  return new Date(time);
}

function converter(prop: EntityProperty, platform: Platform): (value: unknown) => unknown {
  const custom = prop.customType;
  if (custom) return (value) => custom.convertToJSValue(value, platform);
  if (prop.runtimeType === 'boolean') return (value) => !!value;
  if (prop.runtimeType === 'Date') {
    return (value) => {
      if (value instanceof Date) return value;
      return typeof value === 'string' ? parseTimestamp(value) : new Date(value as number);
    };
  }
  return identity;
}

/** How the rows of one entity are read and built. Made once per entity. */
export class RowShape<T extends object> {
  readonly table: string;
  readonly className: string;
  /** `e.column` for every column a row carries. */
  readonly selection: string[];
  private readonly columns: Column[];
  private readonly prototype: object;
  /** A constructor of empty rows of this shape, and the compiled builders by column prefix. */
  private readonly Row: new () => Raw;
  private readonly builders = new Map<string, (record: Raw) => T>();

  constructor(
    readonly meta: EntityMetadata<T>,
    shapeOf: (className: string) => RowShape<object>,
    platform: Platform,
  ) {
    this.table = meta.tableName;
    this.className = meta.className;
    this.columns = [];
    for (const prop of meta.props) {
      // A many-to-one that the database keeps (`persist: false`: never written by the ORM) is a column all the same, which the ORM reads.
      const keptByDatabase = prop.persist === false && prop.kind === ReferenceKind.MANY_TO_ONE;
      if (prop.lazy || (prop.persist === false && !keptByDatabase) || !prop.fieldNames || prop.fieldNames.length !== 1) continue;
      if (prop.kind === ReferenceKind.SCALAR) {
        this.columns.push({ property: prop.name, column: prop.fieldNames[0]!, convert: converter(prop, platform) });
      } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
        this.columns.push({ property: prop.name, column: prop.fieldNames[0]!, convert: identity, target: () => shapeOf(prop.type) });
      }
    }
    this.selection = this.columns.map((c) => `e.${c.column}`);
    // Data properties in front of the class's prototype: assigning a column sets an own property,
    // never the ORM's change-tracking accessors on the prototype.
    const own: PropertyDescriptorMap = { id: { value: undefined, writable: true, enumerable: true, configurable: true } };
    for (const c of this.columns) own[c.property] = { value: undefined, writable: true, enumerable: true, configurable: true };
    this.prototype = Object.create(meta.prototype as object, own) as object;
    const Row = function Row() {} as unknown as new () => Raw;
    Row.prototype = this.prototype;
    this.Row = Row;
  }

  /** A row from the database's columns (named `prefix` + column when read through a join). */
  build(record: Raw, prefix = ''): T {
    let builder = this.builders.get(prefix);
    if (!builder) {
      builder = this.compile(prefix);
      this.builders.set(prefix, builder);
    }
    return builder(record);
  }

  /**
   * A builder that reads and sets each column by its literal name, so that every row of a shape
   * gets the same hidden class and the engine's fast property stores: a loop over column names
   * made a third of the time of a list.
   */
  private compile(prefix: string): (record: Raw) => T {
    const lines = this.columns.map((c, i) => {
      const value = `record[${JSON.stringify(prefix + c.column)}]`;
      const made = c.target ? `targets[${i}]().stub(Number(v))` : c.convert === identity ? 'v' : `converts[${i}](v)`;
      return `v = ${value}; row[${JSON.stringify(c.property)}] = v == null ? null : ${made};`;
    });
    // The source holds only column and property names of the ORM's metadata, quoted by JSON.stringify.
    const source = `return function build(record) { const row = new Row(); let v; ${lines.join(' ')} return row; }`;
    const make = new Function('Row', 'converts', 'targets', source) as (
      Row: new () => Raw,
      converts: Array<(value: unknown) => unknown>,
      targets: Array<(() => RowShape<object>) | undefined>,
    ) => (record: Raw) => T;
    return make(
      this.Row,
      this.columns.map((c) => c.convert),
      this.columns.map((c) => c.target),
    );
  }

  /** A record known only by its id, as a relation points at it. */
  stub(id: number): T {
    const row = new this.Row();
    row.id = id;
    return row as T;
  }

  /** The columns of a row read through a join as `alias`, named `prefix` + column. */
  selectionAs(alias: string, prefix: string): string[] {
    return this.columns.map((c) => `${alias}.${c.column} as "${prefix}${c.column}"`);
  }

  /** The many-to-one relations among `properties`, with the shapes they point at. */
  relationsAmong(properties: ReadonlySet<string>): Array<{ column: string; target: RowShape<object> }> {
    return this.columns.filter((c) => c.target && properties.has(c.property)).map((c) => ({ column: c.column, target: c.target!() }));
  }

  column(property: string): string {
    const prop = (this.meta.properties as Record<string, EntityProperty | undefined>)[property];
    if (!prop?.fieldNames?.length) throw new Error(`${this.className}.${property} has no column`);
    return prop.fieldNames[0]!;
  }
}

const shapes = new WeakMap<object, Map<string, RowShape<object>>>();

/** The row shape of an entity (by class or class name), made once per ORM. */
export function rowShape<T extends object>(em: EntityManager, entity: EntityClass<T> | string): RowShape<T> {
  const metadata = em.getMetadata();
  let known = shapes.get(metadata);
  if (!known) shapes.set(metadata, (known = new Map()));
  const byName = known;
  const platform = em.getPlatform();
  const shapeOf = (className: string): RowShape<object> => {
    let shape = byName.get(className);
    if (!shape) {
      shape = new RowShape(metadata.get(className), shapeOf, platform);
      byName.set(className, shape);
    }
    return shape;
  };
  return shapeOf(typeof entity === 'string' ? entity : entity.name) as unknown as RowShape<T>;
}

/** `where` with the viewer's read scope for the entity, for queries the ORM's filters do not reach. */
export function scoped<T>(em: EntityManager, className: string, where: FilterQuery<T>): FilterQuery<T> {
  const scope = scopeCondition(em, className);
  return scope ? ({ $and: [where, scope] } as FilterQuery<T>) : where;
}

/**
 * What an answer will ask of the rows a statement reads: the GraphQL fields selected on them. A
 * many-to-one relation among them is read in the same statement (a left join, within the viewer's
 * scope of the related entity) and handed to the request's `rowsById` loader, so that following it
 * costs no statement of its own.
 */
export interface ReadAhead {
  loaders: LoaderRegistry;
  fields: ReadonlySet<string>;
}

interface Joined {
  column: string;
  target: RowShape<object>;
  prefix: string;
}

type KnexQuery = ReturnType<EntityManager['getKnex']> extends (...args: never[]) => infer Q ? Q : never;

/** Adds a left join and the columns of each relation to read ahead to `query` (aliased `e`). */
export function joinAhead<T extends object>(em: EntityManager, shape: RowShape<T>, query: KnexQuery, ahead?: ReadAhead): Joined[] {
  if (!ahead) return [];
  const knex = em.getKnex();
  return shape.relationsAmong(ahead.fields).map(({ column, target }, index) => {
    const alias = `huhang_j${index}`;
    const prefix = `${alias}__`;
    const scope = scopeCondition(em, target.className);
    const visible = scope ? em.createQueryBuilder(target.className, 's').select(raw('s.id')).where(scope).getKnexQuery().toQuery() : null;
    query.leftJoin({ [alias]: target.table }, function on() {
      this.on(`${alias}.id`, '=', `e.${column}`);
      if (visible) this.andOn(knex.raw(`${alias}.id in (${visible})`));
    });
    query.select(target.selectionAs(alias, prefix).map((selection) => knex.raw(selection)));
    return { column, target, prefix };
  });
}

/** Hands the rows a statement read through its joins to the request's loaders. */
export function primeAhead(em: EntityManager, ahead: ReadAhead | undefined, joined: Joined[], records: Raw[]): void {
  if (!ahead) return;
  for (const { column, target, prefix } of joined) {
    const loader = rowsById({ em, loaders: ahead.loaders }, target.className);
    const known = new Set<number>();
    for (const record of records) {
      const id = record[column];
      if (id == null || known.has(Number(id))) continue;
      known.add(Number(id));
      loader.prime(Number(id), record[`${prefix}id`] == null ? null : target.build(record, prefix));
    }
  }
}

export interface RowQuery {
  where: FilterQuery<object>;
  orderBy?: Array<Record<string, 'asc' | 'desc'>>;
  limit?: number;
}

/** Rows of an entity matching `where` within the viewer's scope, in one statement (with the relations read ahead). */
export async function findRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T> | string,
  query: RowQuery,
  ahead?: ReadAhead,
): Promise<T[]> {
  const shape = rowShape(em, entity);
  const where = scoped(em, shape.className, query.where);
  // What the statement is made of: its own condition, and each relation read ahead with the viewer's scope of it.
  const joins = ahead
    ? shape.relationsAmong(ahead.fields).map(({ column, target }) => [column, scopeCondition(em, target.className) ?? null])
    : [];
  const key = readKey([shape.className, where, query.orderBy ?? null, query.limit ?? null, joins]);
  const read = builtRead(em.getMetadata(), key, () => {
    const qb = em
      .createQueryBuilder(shape.className, 'e')
      .select(shape.selection.map((column) => raw(column)))
      .where(where);
    if (query.orderBy?.length) qb.orderBy(query.orderBy);
    if (query.limit != null) qb.limit(query.limit);
    const statement = qb.getKnexQuery();
    const joined = joinAhead(em, shape, statement, ahead);
    const { sql, bindings } = statement.toSQL();
    return { sql, bindings, extra: joined };
  });
  const records = await em.execute<Raw[]>(read.sql, [...read.bindings]);
  primeAhead(em, ahead, read.extra, records);
  return records.map((record) => shape.build(record));
}

/** Counts rows of an entity matching `where` within the viewer's scope. */
export async function countRows(em: EntityManager, entity: EntityClass<object> | string, where: FilterQuery<object>): Promise<number> {
  const shape = rowShape(em, entity);
  const qb = em
    .createQueryBuilder(shape.className, 'e')
    .select(raw('count(*)::int as n'))
    .where(scoped(em, shape.className, where));
  const [record] = await em.execute<Array<{ n: number }>>(qb.getKnexQuery());
  return Number(record?.n ?? 0);
}

interface Loaded {
  em: EntityManager;
  loaders: LoaderRegistry;
}

/** The request's loader of rows by id for an entity: one statement per entity and tick. */
export function rowsById<T extends object>({ em, loaders }: Loaded, entity: EntityClass<T> | string): DataLoader<number, T | null> {
  const shape = rowShape(em, entity);
  return loaders.get(`rows-by-id:${shape.className}`, () => {
    return new DataLoader<number, T | null>(async (ids) => {
      const rows = await findRows(em, shape.className, { where: { id: { $in: [...new Set(ids)] } } });
      const byId = new Map(rows.map((row) => [(row as unknown as { id: number }).id, row as T]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  });
}

/** The class a relation points at: a row stub's or an ORM reference's. */
function classOf(record: object): string {
  return (record.constructor as { name: string }).name;
}

/**
 * The record a many-to-one relation points at, as a row, or null when it is empty or out of the
 * viewer's scope. Works on rows and on entities loaded through the EntityManager.
 */
export async function relatedOrNull<T extends object>(context: Loaded, value: T | null | undefined): Promise<T | null> {
  if (value == null) return null;
  return rowsById<T>(context, classOf(value)).load((value as unknown as { id: number }).id);
}

/** The record a required many-to-one relation points at; NOT_FOUND when the viewer may not read it. */
export async function related<T extends object>(context: Loaded, value: T): Promise<T> {
  const row = await relatedOrNull(context, value);
  if (!row) throw notFound(classOf(value));
  return row;
}

/**
 * The records of a many-to-many collection of `owner` (either side), as rows ordered by id, within
 * the viewer's scope: one statement for the links of every owner in the tick, one for the records.
 */
export async function relatedMany<T extends object>(context: Loaded, owner: object & { id: number }, property: string): Promise<T[]> {
  const { em, loaders } = context;
  const meta = em.getMetadata().get(classOf(owner));
  const prop = meta.properties[property as never] as EntityProperty | undefined;
  if (!prop || prop.kind !== ReferenceKind.MANY_TO_MANY) throw new Error(`${meta.className}.${property} is not a many-to-many collection`);
  const owning = prop.owner ? prop : (em.getMetadata().get(prop.type).properties[prop.mappedBy as never] as EntityProperty);
  const ownerColumn = prop.owner ? owning.joinColumns[0]! : owning.inverseJoinColumns[0]!;
  const targetColumn = prop.owner ? owning.inverseJoinColumns[0]! : owning.joinColumns[0]!;
  const pivot = em.getMetadata().get(owning.pivotEntity).tableName;
  const links = loaders.get(`rows-links:${meta.className}.${property}`, () => {
    return new DataLoader<number, number[]>(async (ownerIds) => {
      const query = em
        .getKnex()
        .select({ owner: ownerColumn, target: targetColumn })
        .from(pivot)
        .whereIn(ownerColumn, [...ownerIds])
        .orderBy(targetColumn);
      const records = await em.execute<Array<{ owner: number; target: number }>>(query);
      const byOwner = new Map<number, number[]>(ownerIds.map((id) => [id, []]));
      for (const record of records) byOwner.get(Number(record.owner))?.push(Number(record.target));
      return ownerIds.map((id) => byOwner.get(id) ?? []);
    });
  });
  const targetIds = await links.load(owner.id);
  const rows = await rowsById<T>(context, prop.type).loadMany(targetIds);
  return rows.filter((row): row is T => row != null && !(row instanceof Error));
}
