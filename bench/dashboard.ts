import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createSql, type Sql } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../pipelines/demo/seed.js';
import { createApp } from '../web-dashboard/server/app.js';
import { ensureClientBuilt } from '../web-dashboard/server/client-files.js';
import { listen } from '../web-dashboard/server/serve.js';
import { ms, percentile } from './stats.js';

const CALLS = 10_000;
const CASES = 5_000;
const ROUNDS = 5;

/** Every page a moderator or admin opens on a busy day, and the element that says it has rendered. */
const PAGES: { path: string; api: string; ready: string; user: string }[] = [
  { path: '/queue', api: '/api/cases?', ready: '[data-testid="queue-row"]', user: 'mod1@demo.kefu' },
  { path: '/calls', api: '/api/calls?', ready: '.call-row', user: 'mod1@demo.kefu' },
  { path: '/appeals', api: '/api/appeals?', ready: '.empty, [data-testid="appeal-row"]', user: 'mod1@demo.kefu' },
  { path: '/flags', api: '/api/cases/cards?', ready: '[data-testid="merchant-flag"]', user: 'fruit@demo.kefu' },
  {
    path: '/standing',
    api: '/api/penalties/standing',
    ready: '[data-testid="points-in-force"]',
    user: 'fruit@demo.kefu',
  },
  { path: '/admin', api: '/api/rules', ready: '[data-testid="rule-row"]', user: 'admin@demo.kefu' },
];

/** 10,000 calls (one flagged line each on half of them) and 5,000 open cases, written in bulk. */
async function fill(sql: Sql): Promise<void> {
  await sql`
    insert into calls (room, merchant_id, buyer_id, order_ids, language, status, started_at, ended_at, summary)
    select 'bench-' || i, (array['m-guoyuan','m-dianqi','m-gadgets'])[1 + i % 3], 'buyer-' || i, array['O' || i],
      'zh', 'ended', now() - make_interval(mins => i), now() - make_interval(mins => i) + interval '3 minutes',
      jsonb_build_object('text', '顾客反映商品问题，商家同意处理。', 'language', 'zh')
    from generate_series(1, ${CALLS}) i`;
  await sql`
    insert into utterances (call_id, index, speaker, text, start_ms, end_ms, engine)
    select id, 0, 'merchant', '您加我微信，我私下转您钱', 0, 2000, 'bench' from calls where room like 'bench-%'`;
  await sql`
    insert into moderation_cases (merchant_id, call_id, severity, sla_due_at, opened_at)
    select c.merchant_id, c.id, 'high', c.started_at + interval '24 hours', c.started_at
    from calls c where c.room like 'bench-%' order by c.started_at desc limit ${CASES}`;
  await sql`
    insert into flag_rows (call_id, merchant_id, utterance_id, category, severity, rule_id, rule_version,
                           detector, confidence, speaker_role, evidence_text, span_start, span_end)
    select k.call_id, k.merchant_id, u.id, 'contact_exchange', 'high', 'zh.contact.wechat', 1, 'rules', 0.95,
      'merchant', '加我微信', 1, 5
    from moderation_cases k join utterances u on u.call_id = k.call_id`;
  await sql`
    insert into flag_case_links (flag_id, case_id)
    select f.id, k.id from flag_rows f join moderation_cases k on k.call_id = f.call_id and k.merchant_id = f.merchant_id`;
}

/**
 * Dashboard pages on a full database: for each page, the API's answer time (measured in the
 * browser, from the request's start to its last byte) and the render time after it (from that
 * last byte to the page's content in the DOM), over a few rounds in headless Chromium.
 */
export async function runDashboardBench(options: { log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? console.log;
  const pg = await startEmbeddedPostgres();
  const sql = createSql(pg.url, { max: 1 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    await migrate(sql);
    await seedDemo(sql);
    await fill(sql);
    const clientDir = await ensureClientBuilt({ outDir: await mkdtemp(join(tmpdir(), 'kefu-bench-client-')) });
    const server = await listen(createApp({ sql, components: [], clientDir }), { host: '127.0.0.1', port: 0 });
    log(`dashboard pages, embedded PGlite with ${CALLS} calls and ${CASES} open cases, Chromium 1280 px`);
    try {
      for (const p of PAGES) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
        // Records, in the page's own clock, the moment the page's content first enters the DOM.
        await context.addInitScript(`new MutationObserver((_, o) => {
          if (document.querySelector(${JSON.stringify(p.ready)})) { window.__shown = performance.now(); o.disconnect(); }
        }).observe(document, { subtree: true, childList: true });`);
        const page = await context.newPage();
        await page.goto(server.url);
        await page.locator('input[name=email]').fill(p.user);
        await page.locator('input[name=password]').fill('kefu-demo');
        await page.locator('form button[type=submit]').click();
        await page.locator('header.top').waitFor();
        const api: number[] = [];
        const render: number[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          await page.goto(`${server.url}${p.path}`);
          await page.locator(p.ready).first().waitFor({ timeout: 60_000 });
          const t = (await page.evaluate(`(() => {
            const e = performance.getEntriesByType('resource').filter((x) => x.name.includes(${JSON.stringify(p.api)})).pop();
            return { start: e.startTime, end: e.responseEnd, shown: window.__shown };
          })()`)) as { start: number; end: number; shown: number };
          api.push(t.end - t.start);
          render.push(t.shown - t.end);
        }
        log(
          `  ${p.path.padEnd(10)} API p50 ${ms(percentile(api, 50))}, max ${ms(Math.max(...api))}; ` +
            `render after the API answers p50 ${ms(percentile(render, 50))}, max ${ms(Math.max(...render))}` +
            (Math.max(...render) < 300 ? ' (< 300 ms)' : ' (OVER 300 ms)'),
        );
        await context.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
    await sql.end();
    await pg.stop();
  }
}
