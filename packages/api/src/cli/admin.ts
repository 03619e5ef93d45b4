import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { bootstrap } from '../bootstrap';
import { DatabaseSetupError } from '../shared/db/embedded';
import { createAdministrator } from '../accounts/user.service';

const USAGE = `Usage: npm run admin:create -- --username NAME [--display-name TEXT]
  Creates a system administrator. The password is read from HUHANG_ADMIN_PASSWORD, or asked for
  (without echo) when a terminal is attached: 10–128 characters of at least two kinds.`;

/** Asks for a password on the terminal without showing what is typed. */
function askPassword(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function run(args: string[]): Promise<void> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    if (!['--username', '--display-name'].includes(args[i]) || args[i + 1] === undefined)
      throw new Error(`unknown option ${args[i]}\n\n${USAGE}`);
    options[args[i].slice(2)] = args[i + 1];
  }
  if (!options.username) throw new Error(USAGE);
  let password = process.env.HUHANG_ADMIN_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) throw new Error(`set HUHANG_ADMIN_PASSWORD, or run this in a terminal\n\n${USAGE}`);
    password = await askPassword(`Password for ${options.username}: `);
    if ((await askPassword('Again: ')) !== password) throw new Error('the two passwords differ');
  }
  const app = await bootstrap();
  try {
    const id = await createAdministrator(app.orm.em.fork(), { username: options.username, displayName: options['display-name'], password });
    console.log(`[admin] created the system administrator ${options.username} (user ${id}); sign in with the login mutation`);
  } finally {
    await app.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[admin] ${error instanceof DatabaseSetupError ? error.message : error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
