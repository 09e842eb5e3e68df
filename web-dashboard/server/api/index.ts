import { Hono } from 'hono';
import { KefuError } from '../../../core/errors.js';
import { moderationSettings, type ModerationSettingsInput } from '../../../pipelines/moderation/settings.js';
import type { Sql } from '../../../db/client.js';
import type { AudioStore } from '../../../pipelines/recording/store.js';
import { appealRoutes } from '../routes/appeals/index.js';
import type { LiveFeed } from '../live/feed.js';
import { callRoutes } from '../routes/calls/index.js';
import { promiseRoutes, statsRoutes } from '../routes/stats/index.js';
import { auditRoutes } from '../routes/audit/index.js';
import { authRoutes } from '../routes/auth/index.js';
import { caseRoutes } from '../routes/cases/index.js';
import { decisionRoutes } from '../routes/decisions/index.js';
import { exportRoutes } from '../routes/export/index.js';
import { flagRoutes } from '../routes/flags/index.js';
import { merchantRoutes } from '../routes/merchants/index.js';
import { penaltyRoutes } from '../routes/penalties/index.js';
import { policyRoutes } from '../routes/policies/index.js';
import { ruleRoutes } from '../routes/rules/index.js';
import { userRoutes } from '../routes/users/index.js';
import type { ApiEnv } from './context.js';
import { sendError } from './http.js';
import { requireSession } from './session.js';

/** The moderation and appeals API and the dashboard's call routes, mounted at /api (README). */
export function createApi(options: {
  sql: Sql;
  live: LiveFeed;
  moderation?: ModerationSettingsInput;
  audio?: AudioStore;
}): Hono<ApiEnv> {
  const deps = { sql: options.sql, settings: moderationSettings(options.moderation), audio: options.audio };
  const api = new Hono<ApiEnv>();
  api.onError((err, c) => sendError(c, err));
  api.notFound((c) => sendError(c, new KefuError('NOT_FOUND', 'No such API route.')));
  api.use('*', requireSession(deps));
  api.route('/auth', authRoutes(deps));
  api.route('/cases', caseRoutes(deps));
  api.route('/decisions', decisionRoutes(deps));
  api.route('/appeals', appealRoutes(deps));
  api.route('/penalties', penaltyRoutes(deps));
  api.route('/rules', ruleRoutes(deps));
  api.route('/users', userRoutes(deps));
  api.route('/audit', auditRoutes(deps));
  api.route('/calls', callRoutes({ ...deps, live: options.live }));
  api.route('/promises', promiseRoutes(deps));
  api.route('/stats', statsRoutes(deps));
  api.route('/policies', policyRoutes(deps));
  api.route('/merchants', merchantRoutes(deps));
  api.route('/export', exportRoutes(deps));
  api.route('/flags', flagRoutes(deps));
  return api;
}
