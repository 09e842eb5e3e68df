import { Hono } from 'hono';
import { z } from 'zod';
import { listMerchantPenalties } from '../../../../pipelines/moderation/penalties.js';
import { getMerchantStanding } from '../../../../pipelines/moderation/standing.js';
import { PenaltyWireSchema, StandingWireSchema } from '../../../../core/moderation-wire.js';
import { requiredMerchant } from '../calls/scope.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { ok, parse } from '../../api/http.js';

const PenaltyQuerySchema = z.object({ merchantId: z.string().trim().min(1).max(100).optional() });

export function penaltyRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/', async (c) => {
    const query = parse(PenaltyQuerySchema, c.req.query());
    return ok(c, z.array(PenaltyWireSchema), await listMerchantPenalties(deps.sql, actorOf(c), query));
  });
  r.get('/standing', async (c) => {
    const actor = actorOf(c);
    const { merchantId } = parse(PenaltyQuerySchema, c.req.query());
    return ok(c, StandingWireSchema, await getMerchantStanding(deps.sql, actor, requiredMerchant(actor, merchantId)));
  });
  return r;
}
