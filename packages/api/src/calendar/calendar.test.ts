import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

const DAYS = `query ($from: LocalDate!, $to: LocalDate!) { calendarDays(from: $from, to: $to) { day kind name source } }`;

describe('the working calendar', () => {
  it('holds the published holidays and make-up working days, filled from the chinese-days package', async () => {
    const { calendarDays } = await t.api.ok(DAYS, { from: '2026-09-01', to: '2026-10-31' });
    // The State Council's 2026 calendar: Mid-Autumn on Friday 25 September, National Day 1–7 October
    // (its weekdays), worked in lieu on Sunday 20 September and Saturday 10 October.
    expect(calendarDays.map((d: { day: string; kind: string }) => `${d.day} ${d.kind}`)).toEqual([
      '2026-09-20 WORKDAY',
      '2026-09-25 HOLIDAY',
      '2026-10-01 HOLIDAY',
      '2026-10-02 HOLIDAY',
      '2026-10-05 HOLIDAY',
      '2026-10-06 HOLIDAY',
      '2026-10-07 HOLIDAY',
      '2026-10-10 WORKDAY',
    ]);
    expect(calendarDays[2]).toMatchObject({ name: '国庆节', source: 'chinese-days 1.5.7' });
    expect((await t.api.gql(DAYS, { from: '2026-10-31', to: '2026-10-01' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
  });

  it('sets the time limits of service requests, in working days around the holidays', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'enterprises');
    const receive = (complex: boolean) =>
      m.ok(
        'receiveServiceRequest',
        {
          enterpriseId: w.enterprise,
          kind: 'VEHICLE_ACCESS',
          channel: 'DOORSTEP',
          source: 'WECHAT_GROUP',
          description: '节前受理',
          complex,
          // Wednesday 30 September 2026, 10:00 in Beijing.
          receivedAt: '2026-09-30T02:00:00Z',
        },
        'dueAt',
      );
    // Worked out by hand: 1–7 October off, Thursday 8, Friday 9 and Saturday 10 (in lieu) worked:
    // three working days are due on 10 October at 10:00 (Monday to Friday alone would say 5 October).
    expect((await receive(false)).dueAt).toBe('2026-10-10T02:00:00.000Z');
    // Seven: 8, 9, 10, 12, 13, 14, 15 October.
    expect((await receive(true)).dueAt).toBe('2026-10-15T02:00:00.000Z');

    // A system administrator makes Monday 12 October a holiday: later time limits count with it.
    const set = await m.ok('setCalendarDay', { day: '2026-10-12', kind: 'HOLIDAY', name: '地方假日' }, 'day kind name source');
    expect(set).toMatchObject({ day: '2026-10-12', kind: 'HOLIDAY', name: '地方假日', source: 'admin' });
    expect((await receive(true)).dueAt).toBe('2026-10-16T02:00:00.000Z');
    // Ordinary again.
    await m.ok('setCalendarDay', { day: '2026-10-12', kind: 'ORDINARY' });
    expect((await receive(true)).dueAt).toBe('2026-10-15T02:00:00.000Z');
    expect(await m.refuse('setCalendarDay', { day: '2026-02-30', kind: 'HOLIDAY' })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('is changed by system administrators only, and read by every signed-in user', async () => {
    const w = await buildWorld(t.m, 'enterprises');
    const parkId = Number(Buffer.from(w.park, 'base64url').toString().split(':')[1]);
    await t.api.createUser({ username: `calendar-park-${w.n}`, role: 'PARK_ADMIN', parkIds: [parkId] });
    const parkAdmin = t.api.as({ token: await t.api.signIn(`calendar-park-${w.n}`) });
    const refused = await parkAdmin(`mutation { setCalendarDay(input: { day: "2026-10-12", kind: HOLIDAY }) { calendarDay { id } } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    expect((await parkAdmin(DAYS, { from: '2026-10-01', to: '2026-10-02' })).data.calendarDays).toHaveLength(2);
  });
});
