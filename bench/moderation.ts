import { pathToFileURL } from 'node:url';
import { createSql } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { createSessionFor } from '../pipelines/auth/sessions.js';
import { openCaseForCall } from '../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../pipelines/moderation/testing/fixtures.js';
import { createApp } from '../web-dashboard/server/app.js';
import { clientFor, type ApiClient } from '../web-dashboard/server/api/test-client.js';
import { percentile } from './stats.js';

const CASES = 200;
const QUEUE_REQUESTS = 300;
const CONCURRENCY = 8;

/**
 * Moderation API throughput and latency on the embedded database (in-memory PGlite over the
 * wire protocol, the app in-process): queue listing, claim and decide, with a few moderators
 * working concurrently. Bounded: 200 cases, 300 queue reads.
 */
export async function runModerationBench(options: { log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? console.log;
  const pg = await startEmbeddedPostgres();
  const sql = createSql(pg.url, { max: 1 });
  try {
    await migrate(sql);
    const settings = moderationSettings();
    const cases: { id: string; flagIds: string[] }[] = [];
    for (let i = 0; i < CASES; i++) {
      const made = await makeFlaggedCall(sql, [
        { severity: i % 3 ? 'high' : 'medium' },
        { category: 'abuse', ruleId: 'zh.abuse.frame' },
      ]);
      const opened = await openCaseForCall(sql, made.call.id, settings);
      cases.push({ id: opened!.case.id, flagIds: made.flags.map((f) => f.id) });
    }
    const app = createApp({ sql, components: [] });
    const mods: ApiClient[] = [];
    for (let i = 0; i < CONCURRENCY; i++)
      mods.push(clientFor(app, await createSessionFor(sql, (await makeUser(sql, 'moderator')).id)));
    log(`moderation API on embedded PGlite: ${CASES} cases, ${CONCURRENCY} concurrent moderators`);

    await measure(log, 'queue list (limit 50)', QUEUE_REQUESTS, (i) =>
      mods[i % CONCURRENCY]!.call('GET', '/api/cases?limit=50'),
    );
    await measure(log, 'claim', CASES, (i) => mods[i % CONCURRENCY]!.call('POST', `/api/cases/${cases[i]!.id}/claim`));
    await measure(log, 'decide (2 flags + penalty)', CASES, (i) =>
      mods[i % CONCURRENCY]!.call('POST', `/api/cases/${cases[i]!.id}/decide`, {
        penalty: 'ladder',
        flags: cases[i]!.flagIds.map((flagId, j) => ({
          flagId,
          outcome: j === 0 ? 'upheld' : 'dismissed',
          reasonCode: j === 0 ? 'CONTACT_OFF_PLATFORM' : 'FALSE_POSITIVE',
          reasonText: 'bench',
        })),
      }),
    );
  } finally {
    await sql.end();
    await pg.stop();
  }
}

/** Runs `n` requests, CONCURRENCY at a time, and prints throughput and latency percentiles. */
async function measure(
  log: (line: string) => void,
  name: string,
  n: number,
  request: (i: number) => Promise<{ status: number }>,
) {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        const res = await request(i);
        latencies.push(performance.now() - t);
        if (res.status >= 400) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const p = (q: number) => percentile(latencies, q * 100).toFixed(1);
  log(
    `  ${name.padEnd(28)} ${String(n).padStart(4)} req  ${(n / seconds).toFixed(0).padStart(5)} req/s  ` +
      `p50 ${p(0.5)} ms  p99 ${p(0.99)} ms${failed ? `  (${failed} failed)` : ''}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runModerationBench();
