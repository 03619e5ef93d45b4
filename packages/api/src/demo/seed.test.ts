import { Writable } from 'node:stream';
import { createTestDatabase } from '../test-support/database';
import { progressPrinter, seedDemo } from './seed';
import { TIANFU } from './tianfu';
import { WENG_AN } from './weng-an';

/** What `npm start` prints while it writes the demo, as in a CI log (not a terminal). */
it("reports each program's progress from its first row, named by its park, to its end", async () => {
  const db = await createTestDatabase();
  try {
    let printed = '';
    const stream = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          printed += String(chunk);
          done();
        },
      }),
      { isTTY: false },
    ) as unknown as NodeJS.WriteStream;
    await seedDemo(db.url, { months: 2, endDate: '2026-10-31', onProgress: progressPrinter(stream) });
    const lines = printed.trim().split('\n');
    for (const park of [WENG_AN.park.name, TIANFU.park.name]) {
      const own = lines.filter((line) => line.includes(`rows, ${park}: `));
      const percents = own.map((line) => Number(/^\[demo\] (\d+)%/.exec(line)![1]));
      // From the start to 100 %, never back, in more than a line or two, the last saying it is done.
      expect(own.length).toBeGreaterThan(3);
      expect(percents[0]).toBeLessThan(20);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(own.at(-1)).toMatch(new RegExp(`^\\[demo\\] 100% \\([\\d,]+ rows, ${park}: done\\)$`));
    }
    expect(lines.every((line) => line.startsWith('[demo] '))).toBe(true);
  } finally {
    await db.drop();
  }
});
