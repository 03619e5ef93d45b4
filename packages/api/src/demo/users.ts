import type { Client } from 'pg';
import { hashPassword } from '../accounts/password';
import { sha256 } from '../accounts/tokens';
import { TIANFU } from './tianfu';
import { WENG_AN } from './weng-an';
import { ANLONG } from './anlong';
import { HULI } from './huli';
import { LONGHUA } from './longhua';

/** The password of every demo user. Demo data only: production databases start with `HUHANG_SEED=false`. */
export const DEMO_PASSWORD = 'Huhang-demo-2026';

/** The embed key of the example portal page, allowed from the example server's own origins. */
export const DEMO_EMBED_KEY = 'hk_pub_demo_wengan_localhost';

/** Every demo program's embed key, by the example page that uses it; each allowed from the example server's origins. */
export const DEMO_EMBED_KEYS: ReadonlyArray<{ key: string; program: string; page: string }> = [
  { key: DEMO_EMBED_KEY, program: WENG_AN.program.name, page: 'portal.html' },
  { key: 'hk_pub_demo_tianfu_localhost', program: TIANFU.program.name, page: 'sites.html' },
  { key: 'hk_pub_demo_anlong_localhost', program: ANLONG.program.name, page: 'communities.html' },
  { key: 'hk_pub_demo_huli_localhost', program: HULI.program.name, page: 'district.html' },
  { key: 'hk_pub_demo_longhua_localhost', program: LONGHUA.program.name, page: 'campus.html' },
];

export interface NewUser {
  username: string;
  name?: string;
  role: string;
  parks?: number[];
  programs?: number[];
  officer?: number | null;
}

/** Writes a user and its parks and programs; returns its id. */
export async function insertUser(client: Client, user: NewUser, passwordHash: string): Promise<number> {
  const {
    rows: [{ id }],
  } = await client.query<{ id: number }>(
    'INSERT INTO app_user (username, display_name, role, password_hash, officer_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [user.username, user.name ?? user.username, user.role, passwordHash, user.officer ?? null],
  );
  for (const park of user.parks ?? []) await client.query('INSERT INTO app_user_park VALUES ($1, $2)', [id, park]);
  for (const program of user.programs ?? []) await client.query('INSERT INTO app_user_program VALUES ($1, $2)', [id, program]);
  return id;
}

/** Demo users, one per role, and the demo embed key; written with the demo programs. */
export async function seedDemoUsers(client: Client): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const program = async (name: string) => (await client.query<{ id: number }>('SELECT id FROM program WHERE name = $1', [name])).rows[0].id;
  const wengAn = await program(WENG_AN.program.name);
  const tianfu = await program(TIANFU.program.name);
  const parksOf = async (programId: number) =>
    (await client.query<{ id: number }>('SELECT id FROM park WHERE program_id = $1 ORDER BY id', [programId])).rows.map((row) => row.id);
  const [wengAnPark] = await parksOf(wengAn);
  // The Weng'an officer with the most current enterprises signs in as the demo officer.
  const {
    rows: [officer],
  } = await client.query<{ id: number }>(
    `SELECT a.officer_id AS id FROM liaison_assignment a JOIN enterprise e ON e.id = a.enterprise_id
      WHERE a.ends_on IS NULL AND e.park_id = $1 GROUP BY a.officer_id ORDER BY count(*) DESC, a.officer_id LIMIT 1`,
    [wengAnPark],
  );
  const users: NewUser[] = [
    { username: 'admin', name: '系统管理员', role: 'SYSTEM_ADMIN' },
    { username: 'wengan-bureau', name: '瓮安县公安局 机制管理员', role: 'PROGRAM_ADMIN', programs: [wengAn] },
    { username: 'wengan-park', name: '瓮安工业园区 管理员', role: 'PARK_ADMIN', parks: [wengAnPark] },
    { username: 'tianfu-park', name: '天府工地 管理员', role: 'PARK_ADMIN', parks: await parksOf(tianfu) },
    ...(officer ? [{ username: 'wengan-officer', name: '护航警官', role: 'OFFICER', officer: officer.id }] : []),
  ];
  for (const user of users) await insertUser(client, user, hash);
  for (const demo of DEMO_EMBED_KEYS) {
    await client.query(`INSERT INTO embed_key (name, prefix, key_hash, program_id, allowed_origins) VALUES ($1, $2, $3, $4, $5)`, [
      `示例门户页面 ${demo.page} (example portal page)`,
      demo.key.slice(0, 12),
      sha256(demo.key),
      await program(demo.program),
      ['http://localhost:4000', 'http://127.0.0.1:4000'],
    ]);
  }
}
