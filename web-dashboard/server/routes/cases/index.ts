import { auditRead } from '../../api/read-audit.js';
import { Hono } from 'hono';
import {
  claimCase,
  claimNextCase,
  getCaseView,
  listCaseCards,
  listCases,
  releaseCase,
} from '../../../../pipelines/moderation/cases.js';
import {
  CaseDecisionPreviewSchema,
  CaseDecisionSchema,
  decideCase,
  previewCaseDecision,
} from '../../../../pipelines/moderation/decide.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse } from '../../api/http.js';
import { z } from 'zod';
import { schemaFor } from '../../api/present.js';
import {
  CaseCardMerchantWireSchema,
  CaseCardWireSchema,
  CaseClaimWireSchema,
  CaseDecidedWireSchema,
  CasePreviewWireSchema,
  CaseRowMerchantWireSchema,
  CaseRowWireSchema,
  CaseViewMerchantWireSchema,
  CaseViewWireSchema,
} from '../../../../core/moderation-wire.js';
import { IdParamSchema, QueueQuerySchema } from './schema.js';

/** The moderator queue and case work; merchant staff see their own merchant's cases here too. */
export function caseRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();

  r.get('/', async (c) => {
    const query = parse(QueueQuerySchema, c.req.query());
    const actor = actorOf(c);
    return ok(
      c,
      z.array(schemaFor(actor, { staff: CaseRowWireSchema, merchant: CaseRowMerchantWireSchema })),
      await listCases(deps.sql, actor, query),
    );
  });

  // The same page of cases, each with its flags, lines, decisions and penalties (the merchant's flags page).
  r.get('/cards', async (c) => {
    const query = parse(QueueQuerySchema, c.req.query());
    const actor = actorOf(c);
    return ok(
      c,
      z.array(schemaFor(actor, { staff: CaseCardWireSchema, merchant: CaseCardMerchantWireSchema })),
      await listCaseCards(deps.sql, actor, query),
    );
  });

  // Registered before '/:id' routes: the moderator takes the case whose SLA runs out first.
  r.post('/claim-next', async (c) => {
    const row = await claimNextCase(deps.sql, actorOf(c), deps.settings);
    return ok(c, CaseClaimWireSchema, { case: row ?? null });
  });

  r.get('/:id', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const actor = actorOf(c);
    const view = await getCaseView(deps.sql, actor, id);
    await auditRead(c, deps, { what: 'case', id, merchantId: view.case.merchantId });
    return ok(c, schemaFor(actor, { staff: CaseViewWireSchema, merchant: CaseViewMerchantWireSchema }), view);
  });

  r.post('/:id/claim', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    return ok(c, CaseRowWireSchema, await claimCase(deps.sql, actorOf(c), id, deps.settings));
  });

  r.post('/:id/release', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    return ok(c, CaseRowWireSchema, await releaseCase(deps.sql, actorOf(c), id));
  });

  r.post('/:id/preview', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const input = parse(CaseDecisionPreviewSchema, await jsonBody(c));
    return ok(c, CasePreviewWireSchema, await previewCaseDecision(deps.sql, actorOf(c), id, input, deps.settings));
  });

  r.post('/:id/decide', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const input = parse(CaseDecisionSchema, await jsonBody(c));
    return ok(c, CaseDecidedWireSchema, await decideCase(deps.sql, actorOf(c), id, input, deps.settings));
  });

  return r;
}
