import { Client } from 'pg';
import { bootstrap } from '../bootstrap';
import { DatabaseSetupError } from '../shared/db/embedded';
import { demoPresent, progressPrinter, seedDemo } from '../demo/seed';
import { DEFAULT_DEMO, type DemoOptions } from '../demo/generator';

const USAGE = `Usage: npm run db:<command> [-- options]
  db:migrate                 apply pending migrations
  db:seed [-- options]       write the demo program (when it is not there yet)
  db:reset [-- options]      drop everything, migrate, write the demo program
Options for seed and reset:
  --enterprises N   (default 60)    --months N   (default 12)
  --officers N                      --seed N     (default ${DEFAULT_DEMO.seed})
  --end YYYY-MM-DD  last day of the data (default today, Asia/Shanghai)`;

function demoOptions(args: string[]): DemoOptions {
  const options: DemoOptions = { onProgress: progressPrinter() };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    const number = Number(value);
    switch (flag) {
      case '--enterprises':
        options.enterprises = number;
        break;
      case '--months':
        options.months = number;
        break;
      case '--officers':
        options.officers = number;
        break;
      case '--seed':
        options.seed = number;
        break;
      case '--end':
        options.endDate = value;
        break;
      default:
        throw new Error(`unknown option ${flag}\n\n${USAGE}`);
    }
    if (flag !== '--end' && !(Number.isInteger(number) && number > 0)) throw new Error(`${flag} needs a whole number above 0`);
  }
  return options;
}

async function run(command: string | undefined, args: string[]): Promise<void> {
  if (!command || !['migrate', 'seed', 'reset'].includes(command)) {
    console.log(USAGE);
    process.exitCode = command ? 2 : 0;
    return;
  }
  const options = command === 'migrate' ? {} : demoOptions(args);
  if (command === 'reset') {
    const app = await bootstrap();
    // As the owner: the API's role may not drop anything.
    const owner = new Client({ connectionString: app.db.ownerUrl });
    await owner.connect();
    await owner.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await owner.end();
    console.log('[db] dropped every table');
    await app.close();
  }
  const app = await bootstrap();
  try {
    if (command === 'migrate') return;
    if (await demoPresent(app.db.url)) {
      console.log('[demo] the demo program is already there; `npm run db:reset` writes it anew');
      return;
    }
    const started = Date.now();
    const totals = await seedDemo(app.db.url, options);
    console.log(`[demo] written in ${((Date.now() - started) / 1000).toFixed(1)} s:`, totals);
  } finally {
    await app.close();
  }
}

run(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(error instanceof DatabaseSetupError ? `\n[db] ${error.message}\n` : error);
  process.exit(1);
});
