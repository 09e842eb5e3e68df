import { auditRead } from '../../api/read-audit.js';
import { z } from 'zod';
import {
  CallListRowWireSchema,
  CallViewWireSchema,
  CopilotFeedbackRecordedWireSchema,
  SuggestionFeedbackWireSchema,
} from '../../../../core/call-wire.js';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { CopilotFeedbackSchema } from '../../../../core/copilot.js';
import { storeFeedback } from '../../../../pipelines/session/feedback.js';
import { recordFeedback } from '../../../../db/queries/suggestions.js';
import { notFound, requireRole } from '../../../../pipelines/moderation/actor.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse } from '../../api/http.js';
import type { LiveFeed } from '../../live/feed.js';
import type { StreamRegistry } from '../../live/streams.js';
import { SESSION_COOKIE } from '../../api/session.js';
import { findScopedSuggestion, getScopedCall, listCalls } from '../../queries/calls.js';
import { IdParamSchema } from '../cases/schema.js';
import { loadCallView, policyTitles, presentCall } from './detail.js';
import { streamCallEvents } from './live.js';
import { readScope, requiredMerchant } from './scope.js';
import { CallListQuerySchema, FeedbackInputSchema, FeedbackParamSchema, LiveQuerySchema } from './schema.js';

/** Merchants' calls: the list, one call whole, the live stream, and feedback on suggestions. */
export function callRoutes(deps: ApiDeps & { live: LiveFeed; streams: StreamRegistry }) {
  const r = new Hono<ApiEnv>();

  r.get('/', async (c) => {
    const q = parse(CallListQuerySchema, c.req.query());
    const [rows, titleOf] = await Promise.all([
      listCalls(deps.sql, { ...q, merchantId: readScope(actorOf(c), q.merchantId) }),
      policyTitles(deps.sql),
    ]);
    return ok(
      c,
      z.array(CallListRowWireSchema),
      rows.map((row) => ({ ...presentCall(row, titleOf), utterances: row.utterances, flags: row.flags })),
    );
  });

  // Registered before '/:id' so "live" is never read as a call id.
  r.get('/live', (c) => {
    const q = parse(LiveQuerySchema, c.req.query());
    const filter = { merchantId: requiredMerchant(actorOf(c), q.merchantId), callId: q.callId };
    const guard = deps.streams.acquire(c.get('session')!, getCookie(c, SESSION_COOKIE)!);
    return streamCallEvents(c, deps.live, filter, guard);
  });

  r.get('/:id', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const call = await getScopedCall(deps.sql, id, readScope(actorOf(c)));
    if (!call) throw notFound('call');
    const view = await loadCallView(deps.sql, call);
    await auditRead(c, deps, { what: 'call', id: call.id, merchantId: call.merchantId });
    return ok(c, CallViewWireSchema, view);
  });

  r.post('/:id/suggestions/:suggestionId/feedback', async (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['merchant_staff']);
    const { id, suggestionId } = parse(FeedbackParamSchema, c.req.param());
    const { action } = parse(FeedbackInputSchema, await jsonBody(c));
    if (!(await findScopedSuggestion(deps.sql, id, suggestionId, readScope(actor)))) throw notFound('suggestion');
    await recordFeedback(deps.sql, { suggestionId, action, actor: actor.id });
    return ok(c, SuggestionFeedbackWireSchema, { suggestionId, action }, 201);
  });

  // The copilot's own feedback messages (core/copilot.ts), as the bot takes them over the data channel.
  r.post('/:id/feedback', async (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['merchant_staff']);
    const { id } = parse(IdParamSchema, c.req.param());
    const feedback = parse(CopilotFeedbackSchema, await jsonBody(c));
    if (!(await getScopedCall(deps.sql, id, readScope(actor)))) throw notFound('call');
    if (!(await storeFeedback(deps.sql, id, feedback, actor.id))) throw notFound('suggestion');
    return ok(c, CopilotFeedbackRecordedWireSchema, { recorded: feedback.type }, 201);
  });

  return r;
}
