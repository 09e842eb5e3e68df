import { Hono } from 'hono';
import { z } from 'zod';
import { listPromiseLedger } from '../../../../db/queries/notes.js';
import { REVIEWER_ROLES, requireRole } from '../../../../pipelines/moderation/actor.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { ok, parse } from '../../api/http.js';
import { merchantToday, moderationTimeline } from '../../queries/calls.js';
import { requiredMerchant } from '../calls/scope.js';
import { MerchantQuerySchema } from '../calls/schema.js';

const TimelineQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

/** A merchant's promise ledger, and the moderation timeline behind the admin chart. */
export function promiseRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/', async (c) => {
    const merchantId = requiredMerchant(actorOf(c), parse(MerchantQuerySchema, c.req.query()).merchantId);
    return ok(c, await listPromiseLedger(deps.sql, merchantId, await merchantToday(deps.sql, merchantId)));
  });
  return r;
}

export function statsRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/moderation', async (c) => {
    requireRole(actorOf(c), REVIEWER_ROLES);
    const { days } = parse(TimelineQuerySchema, c.req.query());
    return ok(c, await moderationTimeline(deps.sql, days));
  });
  return r;
}
