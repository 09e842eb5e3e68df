import { z } from 'zod';
import { MerchantNameWireSchema } from '../../../../core/rule-wire.js';
import { Hono } from 'hono';
import { REVIEWER_ROLES, requireRole } from '../../../../pipelines/moderation/actor.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { ok } from '../../api/http.js';

/** Merchants' ids and names, so reviewers' pages name a merchant instead of showing its id. */
export function merchantRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/', async (c) => {
    requireRole(actorOf(c), REVIEWER_ROLES);
    return ok(
      c,
      z.array(MerchantNameWireSchema),
      await deps.sql<{ id: string; name: string }[]>`select id, name from merchants order by name`,
    );
  });
  return r;
}
