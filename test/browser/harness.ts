import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { Sql } from '../../db/client.js';
import { demoControl } from '../../pipelines/demo/play.js';
import { seedDemo } from '../../pipelines/demo/seed.js';
import { localAudioStore } from '../../pipelines/recording/local-store.js';
import type { AudioStore } from '../../pipelines/recording/store.js';
import type { CallAnalyzers } from '../../pipelines/session/analyzers.js';
import { buildAnalyzers } from '../../pipelines/session/build-analyzers.js';
import { CallEventBus } from '../../pipelines/session/event-bus.js';
import { createApp } from '../../web-dashboard/server/app.js';
import { ensureClientBuilt } from '../../web-dashboard/server/client-files.js';
import { LiveFeed } from '../../web-dashboard/server/live/feed.js';
import { listen, type RunningServer } from '../../web-dashboard/server/serve.js';
import { useTestDatabase } from '../db.js';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

export interface Dashboard {
  url: string;
  sql: Sql;
  bus: CallEventBus;
  analyzers: CallAnalyzers;
  /** The call-audio store the app serves clips from (a scratch folder). */
  audio: AudioStore;
  /** A fresh browser context signed in as the demo user, on the page their role lands on. */
  signIn(
    email: string,
    options?: { width?: keyof typeof WIDTHS; locale?: string; path?: string; timezoneId?: string },
  ): Promise<Page>;
  /** Screenshots the page at desktop and phone widths into test-artifacts/. */
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * The dashboard as a user meets it: a seeded, migrated in-memory database, the app served on
 * 127.0.0.1, the built client, and headless Chromium.
 */
export function useDashboard(options: { webhookSecret?: string } = {}): Dashboard {
  const db = useTestDatabase();
  const bus = new CallEventBus();
  let server: RunningServer;
  let browser: Browser;
  const dash = { bus } as Dashboard;
  const stopDemo = new AbortController();
  beforeAll(async () => {
    const sql = db.sql();
    const audio = localAudioStore(await mkdtemp(join(tmpdir(), 'kefu-dash-audio-')));
    const [clientDir] = await Promise.all([
      // The client `npm run build` made, rebuilt only when its sources are newer: a Vite build per
      // file cost each file minutes of CPU on a loaded machine (its hook timed out at load 30).
      // Browser files run one at a time (vitest.config.ts), so no two rebuild it at once.
      ensureClientBuilt(),
      seedDemo(sql),
      mkdir(ARTIFACTS, { recursive: true }),
    ]);
    const analyzers = await buildAnalyzers({ config: loadConfig({}), sql });
    // The demo's "play another call", as `kefu start` wires it.
    const demo = demoControl({
      sql,
      analyzers,
      log: () => {},
      signal: stopDemo.signal,
      publish: (merchantId, event) => bus.publish({ merchantId, event }),
    });
    server = await listen(
      createApp({
        sql,
        components: [],
        live: new LiveFeed(bus),
        clientDir,
        demo,
        webhookSecret: options.webhookSecret,
        audio,
      }),
      {
        host: '127.0.0.1',
        port: 0,
      },
    );
    // launch() gives Chromium a fresh temporary profile of its own (it refuses --user-data-dir).
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    Object.assign(dash, { url: server.url, sql, analyzers, audio });
  }, 120_000);
  afterAll(async () => {
    stopDemo.abort();
    await browser?.close();
    await server?.close();
  });
  dash.signIn = async (email, options = {}) => {
    const context = await browser.newContext({
      viewport: WIDTHS[options.width ?? 'desktop'],
      locale: options.locale ?? 'zh-CN',
      timezoneId: options.timezoneId,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    // A hang detector, not a speed limit: on a 2-core machine at load ~40 the first page of a fresh
    // context took over 30 s (session 10), so the sign-in form gets the file's hook budget's share.
    await page.goto(`${dash.url}${options.path ?? ''}`, { timeout: 90_000, waitUntil: 'domcontentloaded' });
    await page.locator('input[name=email]').fill(email, { timeout: 90_000 });
    await page.locator('input[name=password]').fill('kefu-demo');
    await page.locator('form button[type=submit]').click();
    await page.locator('header.top').waitFor();
    return page;
  };
  dash.screenshot = async (page, name) => {
    for (const [label, size] of Object.entries(WIDTHS)) {
      await page.setViewportSize(size);
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(WIDTHS.desktop);
  };
  return dash;
}
