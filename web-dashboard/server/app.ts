import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Sql } from '../../db/client.js';
import type { DemoControl } from '../../pipelines/demo/play.js';
import type { AudioStore } from '../../pipelines/recording/store.js';
import type { ModerationSettingsInput } from '../../pipelines/moderation/settings.js';
import { CallEventBus } from '../../pipelines/session/event-bus.js';
import { createApi } from './api/index.js';
import { CLIENT_DIST, serveClient } from './client-files.js';
import { LiveFeed } from './live/feed.js';
import { applySecurity } from './security/index.js';
import { securityOptions, type SecurityOptions } from './security/options.js';
import { platformRoutes } from './routes/platform/index.js';

export interface AppDeps {
  sql: Sql;
  /** The start-up component lines, shown on the landing page. */
  components: readonly { name: string; value: string }[];
  /** Overrides of the moderation policy (SLAs, ladder, rule-health thresholds). */
  moderation?: ModerationSettingsInput;
  /** Where live call events come from; without one the live stream only ever sends `ready`. */
  live?: LiveFeed;
  /** The platform's order-events webhook secret (KEFU_PLATFORM_WEBHOOK_SECRET); without it the webhook is off. */
  webhookSecret?: string;
  /** The built client (default web-dashboard/dist). */
  clientDir?: string;
  /** The embedded demo's controls ("play another call"); absent outside the demo. */
  demo?: DemoControl;
  /** Overrides of the security defaults (proxy trust, stream and body limits). */
  security?: Partial<SecurityOptions>;
  /** Where call audio is stored (flags' clips); unset, no clip is playable. */
  audio?: AudioStore;
}

/**
 * The dashboard's HTTP app: the API under /api, `/healthz`, and the built client for every other
 * GET. Before the client is built, `/` says what is running and how to build it.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const live = deps.live ?? new LiveFeed(new CallEventBus());
  const security = securityOptions(deps.security);
  applySecurity(app, security);
  // Machine to machine: signed by the platform, outside the browser session and CSRF checks.
  app.route('/api/platform', platformRoutes({ sql: deps.sql, live, webhookSecret: deps.webhookSecret }));
  app.route(
    '/api',
    createApi({ sql: deps.sql, moderation: deps.moderation, live, security, demo: deps.demo, audio: deps.audio }),
  );

  app.get('/healthz', async (c) => {
    try {
      await deps.sql`select 1`;
      return c.json({ ok: true, database: 'up' });
    } catch {
      return c.json({ ok: false, error: { code: 'DB_CONNECT_FAILED', message: 'database unreachable' } }, 503);
    }
  });

  app.get('*', async (c, next) => (await serveClient(c, deps.clientDir ?? CLIENT_DIST)) ?? next());
  app.get('/', (c) =>
    c.html(html`<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Kefu 客服 copilot</title>
    <style>
      body { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 42rem; padding: 0 1rem; }
      dt { font-weight: 600; } dd { margin: 0 0 .75rem 0; }
    </style>
  </head>
  <body>
    <main>
      <h1>Kefu 客服 copilot</h1>
      <p>通话助手与合规审核 · Call copilot and moderation for customer-service video calls.</p>
      <h2>Components 组件</h2>
      <dl>
        ${deps.components.map((comp) => html`<dt>${comp.name}</dt><dd>${comp.value}</dd>`)}
      </dl>
      <p>The dashboard client is not built: run <code>npm run build</code>. 前端尚未构建。</p>
      <p><a href="/healthz">/healthz</a></p>
    </main>
  </body>
</html>`),
  );

  return app;
}
