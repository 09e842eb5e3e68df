import { TimelineDayWireSchema } from '../../../../core/rule-wire.js';
import { Hono } from 'hono';
import { z } from 'zod';
import { REVIEWER_ROLES, requireRole } from '../../../../pipelines/moderation/actor.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { ok, parse } from '../../api/http.js';
import { moderationTimeline } from '../../queries/calls.js';

const TimelineQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

/** The moderation timeline behind the admin chart. */
export function statsRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/moderation', async (c) => {
    requireRole(actorOf(c), REVIEWER_ROLES);
    const { days } = parse(TimelineQuerySchema, c.req.query());
    return ok(c, z.array(TimelineDayWireSchema), await moderationTimeline(deps.sql, days));
  });
  return r;
}
