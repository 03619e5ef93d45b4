import { ReferenceKind, type EntityProperty } from '@mikro-orm/core';
import { createTestDatabase, type TestDatabase } from './test-support/database';
import { generateDemo } from './demo/generator';
import { ENTITIES } from './entities';
import { findRows, parseTimestamp, related, relatedMany, relatedOrNull, rowShape, rowsById } from './shared/db/rows';
import { User } from './accounts/user.entity';
import { EmbedKey } from './accounts/embed-key.entity';
import { scopeEntityManager } from './shared/db/scope-filter';
import { LoaderRegistry } from './shared/pagination/loaders';
import { Enterprise } from './enterprises/enterprise.entity';
import { Park } from './parks/park.entity';
import { Zone } from './parks/zone.entity';
import { PoliceUnit } from './units/police-unit.entity';
import { Dispute } from './activities/disputes/dispute.entity';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.query('BEGIN');
  await generateDemo(db.sql, { endDate: '2026-10-31' });
  await db.sql.query('COMMIT');
});

afterAll(() => db.drop());

type Entity = { id: number } & Record<string, unknown>;

/** What a property holds, comparable between an entity and a row: a relation by its id. */
function valueOf(record: Entity, prop: EntityProperty): unknown {
  const value = record[prop.name];
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) return (value as Entity | null)?.id ?? null;
  return value;
}

describe('rows read for answers', () => {
  it('carry every column exactly as the ORM hydrates it, for every entity of the demo', async () => {
    let compared = 0;
    for (const entity of ENTITIES) {
      const em = db.orm.em.fork();
      const meta = em.getMetadata().get(entity.name);
      const entities = (await em.find(entity, {}, { orderBy: { id: 'asc' }, limit: 300 })) as unknown as Entity[];
      const rows = (await findRows(em, entity.name, {
        where: { id: { $in: entities.map((e) => e.id) } },
        orderBy: [{ id: 'asc' }],
      })) as unknown as Entity[];
      expect(rows.map((row) => row.id)).toEqual(entities.map((e) => e.id));
      const props = meta.props.filter(
        (p) =>
          !p.lazy &&
          (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
      );
      rows.forEach((row, index) => {
        expect(row).toBeInstanceOf(entity);
        for (const prop of props) {
          expect({ [`${meta.className}.${prop.name}`]: valueOf(row, prop) }).toEqual({
            [`${meta.className}.${prop.name}`]: valueOf(entities[index]!, prop),
          });
          compared += 1;
        }
      });
    }
    // The demo fills most tables; a comparison of nothing would prove nothing.
    expect(compared).toBeGreaterThan(5_000);
  });

  it('are not managed: reading them leaves nothing to flush, and lazy secrets are never read', async () => {
    const em = db.orm.em.fork();
    const [row] = await findRows(em, Enterprise, { where: {}, limit: 1 });
    expect(row!.nodeId).toMatch(/^[A-Za-z0-9_-]+$/);
    row!.name = 'changed in memory only';
    await em.flush();
    const { rows } = await db.sql.query('SELECT name FROM enterprise WHERE id = $1', [row!.id]);
    expect(rows[0].name).not.toBe('changed in memory only');
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    expect(rowShape(em, User).selection).not.toContain('e.password_hash');
    expect(rowShape(em, EmbedKey).selection.join()).not.toMatch(/hash/);
  });

  it('follow relations of rows and of entities alike, batched, within the viewer’s scope', async () => {
    const parks = (await db.sql.query<{ id: number }>('SELECT id FROM park ORDER BY id')).rows;
    const [inScope] = parks;
    const em = scopeEntityManager(db.orm.em.fork(), (entity) =>
      entity === 'Park' ? { id: inScope!.id } : entity === 'Zone' ? { park: inScope!.id } : undefined,
    );
    const context = { em, loaders: new LoaderRegistry() };
    const zones = await findRows(em, Zone, { where: {}, orderBy: [{ id: 'asc' }] });
    expect(zones.length).toBeGreaterThan(0);
    expect(zones.every((zone) => zone.park.id === inScope!.id)).toBe(true);
    const fromRow = await related(context, zones[0]!.park);
    expect(fromRow).toBeInstanceOf(Park);
    expect(fromRow.id).toBe(inScope!.id);
    const entity = await em.findOneOrFail(Zone, zones[0]!.id);
    expect((await related(context, entity.park)).name).toBe(fromRow.name);
    // Out of scope reads as nothing, a required relation as NOT_FOUND.
    const other = await em.getConnection().execute<Array<{ id: number }>>('SELECT id FROM zone WHERE park_id <> ? LIMIT 1', [inScope!.id]);
    if (other[0]) expect(await rowsById(context, Zone).load(other[0].id)).toBeNull();
    expect(await relatedOrNull(context, null)).toBeNull();
    await expect(related(context, { ...fromRow, id: -1, constructor: Park } as unknown as Park)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('read many-to-many collections from either side as the ORM does', async () => {
    const em = db.orm.em.fork();
    const context = { em, loaders: new LoaderRegistry() };
    const units = await em.find(PoliceUnit, {}, { populate: ['zones'], orderBy: { id: 'asc' } });
    expect(units.some((unit) => unit.zones.length > 0)).toBe(true);
    for (const unit of units) {
      const rows = await relatedMany<Zone>(context, unit, 'zones');
      expect(rows.map((zone) => zone.id).sort((a, b) => a - b)).toEqual(
        unit.zones
          .getItems()
          .map((zone) => zone.id)
          .sort((a, b) => a - b),
      );
    }
    const disputes = await em.find(Dispute, {}, { populate: ['enterprises'], orderBy: { id: 'asc' }, limit: 50 });
    const [dispute] = await findRows(em, Dispute, { where: { id: disputes[0]!.id } });
    const rows = await relatedMany<Enterprise>(context, dispute!, 'enterprises');
    expect(rows.map((e) => e.id).sort((a, b) => a - b)).toEqual(
      disputes[0]!.enterprises
        .getItems()
        .map((e) => e.id)
        .sort((a, b) => a - b),
    );
  });
});

describe('timestamps in PostgreSQL’s text form', () => {
  it('read as the general date parser reads them, a value without an offset as UTC', () => {
    const cases: Array<[string, string]> = [
      ['2026-09-30 10:00:00+00', '2026-09-30T10:00:00.000Z'],
      ['2026-09-30 10:00:00.123456+00', '2026-09-30T10:00:00.123Z'],
      ['2026-09-30 10:00:00.1+08', '2026-09-30T02:00:00.100Z'],
      ['2026-09-30 10:00:00.12+05:30', '2026-09-30T04:30:00.120Z'],
      ['2026-09-30 10:00:00-03', '2026-09-30T13:00:00.000Z'],
      ['2026-09-30 10:00:00', '2026-09-30T10:00:00.000Z'],
      ['2026-09-30T10:00:00Z', '2026-09-30T10:00:00.000Z'],
    ];
    for (const [text, iso] of cases) expect([text, parseTimestamp(text).toISOString()]).toEqual([text, iso]);
    expect(Number.isNaN(parseTimestamp('infinity').getTime())).toBe(true);
  });
});
