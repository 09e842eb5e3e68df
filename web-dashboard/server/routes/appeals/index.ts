import { auditRead } from '../../api/read-audit.js';
import { Hono } from 'hono';
import {
  claimAppeal,
  decideAppeal,
  fileAppeal,
  getAppealView,
  listAppeals,
  previewAppealDecision,
} from '../../../../pipelines/moderation/appeals.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse } from '../../api/http.js';
import { z } from 'zod';
import { schemaFor } from '../../api/present.js';
import {
  AppealDecidedWireSchema,
  AppealListItemMerchantWireSchema,
  AppealListItemWireSchema,
  AppealRowMerchantWireSchema,
  AppealRowWireSchema,
  AppealViewMerchantWireSchema,
  AppealViewWireSchema,
  OverturnedWireSchema,
} from '../../../../core/appeal-wire.js';
import { IdParamSchema } from '../cases/schema.js';
import { AppealDecisionPreviewSchema, AppealDecisionSchema, AppealInputSchema, AppealQuerySchema } from './schema.js';

/** Merchants file and follow appeals; a moderator other than the original decider decides them. */
export function appealRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();

  r.get('/', async (c) => {
    const query = parse(AppealQuerySchema, c.req.query());
    const actor = actorOf(c);
    return ok(
      c,
      z.array(schemaFor(actor, { staff: AppealListItemWireSchema, merchant: AppealListItemMerchantWireSchema })),
      await listAppeals(deps.sql, actor, query),
    );
  });

  r.post('/', async (c) => {
    const input = parse(AppealInputSchema, await jsonBody(c));
    const actor = actorOf(c);
    return ok(
      c,
      schemaFor(actor, { staff: AppealRowWireSchema, merchant: AppealRowMerchantWireSchema }),
      await fileAppeal(deps.sql, actor, input, deps.settings),
      201,
    );
  });

  r.get('/:id', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const actor = actorOf(c);
    const view = await getAppealView(deps.sql, actor, id, deps.settings);
    await auditRead(c, deps, { what: 'appeal', id, merchantId: view.merchantId });
    return ok(c, schemaFor(actor, { staff: AppealViewWireSchema, merchant: AppealViewMerchantWireSchema }), view);
  });

  r.post('/:id/claim', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    return ok(c, AppealRowWireSchema, await claimAppeal(deps.sql, actorOf(c), id, deps.settings));
  });

  r.post('/:id/preview', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const input = parse(AppealDecisionPreviewSchema, await jsonBody(c));
    return ok(c, OverturnedWireSchema, await previewAppealDecision(deps.sql, actorOf(c), id, input, deps.settings));
  });

  r.post('/:id/decide', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const input = parse(AppealDecisionSchema, await jsonBody(c));
    return ok(c, AppealDecidedWireSchema, await decideAppeal(deps.sql, actorOf(c), id, input, deps.settings));
  });

  return r;
}
