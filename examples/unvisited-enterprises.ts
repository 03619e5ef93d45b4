/**
 * Lists the enterprises of a park that no liaison officer has visited this month, using the
 * typed documents generated in @huhang/schema. Run with `npm run example:unvisited`; set
 * HUHANG_API (default http://localhost:4000/graphql) and optionally HUHANG_PARK_ID and HUHANG_SINCE.
 * It signs in as HUHANG_USERNAME with HUHANG_PASSWORD (default: the demo park administrator).
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { LoginDocument, ParksDocument, UnvisitedEnterprisesDocument, type UnvisitedEnterprisesQuery } from '@huhang/schema';

type Enterprise = UnvisitedEnterprisesQuery['enterprises']['nodes'][number];

async function request<Result, Variables>(
  endpoint: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  token?: string,
): Promise<Result> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

/** The first day of the current month in Asia/Shanghai, e.g. 2026-11-01. */
export function firstOfMonth(now = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
  return `${day.slice(0, 7)}-01`;
}

export interface Options {
  endpoint: string;
  username: string;
  password: string;
  parkId?: string;
  since?: string;
}

/** Every enterprise of the park (the first park by default) without a visit since `since`, all pages. */
export async function unvisitedEnterprises(options: Options): Promise<{ park: string; since: string; enterprises: Enterprise[] }> {
  const since = options.since ?? firstOfMonth();
  const { login } = await request(options.endpoint, LoginDocument, { input: { username: options.username, password: options.password } });
  const token = login.accessToken;
  const parks = await request(options.endpoint, ParksDocument, {}, token);
  const park = options.parkId ? parks.parks.nodes.find((p) => p.id === options.parkId) : parks.parks.nodes[0];
  if (!park) throw new Error('No such park');
  const enterprises: Enterprise[] = [];
  let after: string | null = null;
  do {
    const page: UnvisitedEnterprisesQuery = await request(
      options.endpoint,
      UnvisitedEnterprisesDocument,
      {
        parkId: park.id,
        since,
        after,
      },
      token,
    );
    enterprises.push(...page.enterprises.nodes);
    after = page.enterprises.pageInfo.hasNextPage ? page.enterprises.pageInfo.endCursor : null;
  } while (after);
  return { park: park.name, since, enterprises };
}

export function formatReport(report: Awaited<ReturnType<typeof unvisitedEnterprises>>): string {
  const lines = [`${report.park}：自 ${report.since} 起尚未走访的企业 ${report.enterprises.length} 家`];
  for (const e of report.enterprises) {
    const officer = e.liaisonOfficer ? `${e.liaisonOfficer.name}（${e.liaisonOfficer.unit.name}）` : '未挂钩护航警官';
    lines.push(`- ${e.name}  ${e.creditCode}  ${e.zone.name}  护航警官：${officer}`);
  }
  return lines.join('\n');
}

if (require.main === module) {
  unvisitedEnterprises({
    endpoint: process.env.HUHANG_API ?? 'http://localhost:4000/graphql',
    username: process.env.HUHANG_USERNAME ?? 'wengan-park',
    password: process.env.HUHANG_PASSWORD ?? 'Huhang-demo-2026',
    parkId: process.env.HUHANG_PARK_ID,
    since: process.env.HUHANG_SINCE,
  })
    .then((report) => console.log(formatReport(report)))
    .catch((error: unknown) => {
      console.error(`Could not list the enterprises: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
