import { mutationSuite } from '../test-support/mutations';
import { nextWorldNumber } from '../test-support/world';

const t = mutationSuite();

describe('programs', () => {
  it('creates, updates and archives programs', async () => {
    const { m, api } = t;
    const tag = `#${nextWorldNumber()}#`;
    const name = `瓮安县“1131”护航机制 ${tag}`;
    const program = await m.ok(
      'createProgram',
      { clientMutationId: 'c1', name, region: '瓮安县', bureau: '瓮安县公安局' },
      'name timeZone archivedAt startsOn',
    );
    expect(program).toMatchObject({ version: 1, name, timeZone: 'Asia/Shanghai', archivedAt: null, startsOn: null });

    expect(await m.refuse('createProgram', { name, region: '瓮安县', bureau: '局' })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.name',
      reason: 'DUPLICATE',
    });
    expect(await m.refuse('createProgram', { name: `X ${tag}`, region: '', bureau: '局' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.region',
    });
    expect(await m.refuse('createProgram', { name: `Y ${tag}`, region: 'R', bureau: 'B', timeZone: 'Mars/Olympus' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.timeZone',
    });

    const updated = await m.ok(
      'updateProgram',
      { id: program.id, version: 1, description: '一个平台、一套机制、三支队伍、一个目标', startsOn: '2026-07-01' },
      'description startsOn',
    );
    expect(updated).toMatchObject({ version: 2, description: '一个平台、一套机制、三支队伍、一个目标', startsOn: '2026-07-01' });
    expect(await m.refuse('updateProgram', { id: program.id, version: 1, region: '黔南' })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
      reason: 'STALE_VERSION',
      currentVersion: 2,
    });

    const other = await m.ok('createProgram', { name: `临时机制 ${tag}`, region: 'R', bureau: 'B' });
    const archived = await m.ok('archiveProgram', { id: other.id, version: 1 }, 'archivedAt');
    expect(archived.archivedAt).toEqual(expect.any(String));
    expect(await m.refuse('archiveProgram', { id: other.id, version: 2 })).toMatchObject({ code: 'INVALID_TRANSITION' });
    const listed = await api.ok(
      `{ programs(filter: { search: "${tag}" }) { totalCount } all: programs(filter: { search: "${tag}", includeArchived: true }) { totalCount } }`,
    );
    expect(listed.programs.totalCount).toBe(1);
    expect(listed.all.totalCount).toBe(2);
  });
});
