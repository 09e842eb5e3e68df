import { DemoStartedWireSchema, DemoStateWireSchema } from '../../../../core/rule-wire.js';
import { Hono } from 'hono';
import { KefuError } from '../../../../core/errors.js';
import type { DemoControl } from '../../../../pipelines/demo/play.js';
import { requireRole } from '../../../../pipelines/moderation/actor.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { ok } from '../../api/http.js';

/**
 * The demo's "play another call" (embedded demo only): merchant staff of a demo shop start its demo
 * call again, live. Without a demo every route answers as if it did not exist.
 */
export function demoRoutes(deps: ApiDeps & { demo?: DemoControl }) {
  const r = new Hono<ApiEnv>();

  r.get('/', (c) => {
    const actor = actorOf(c);
    const merchantId = actor.kind === 'user' ? actor.merchantId : null;
    if (!deps.demo || !merchantId) return ok(c, DemoStateWireSchema, { available: false, playing: false });
    return ok(c, DemoStateWireSchema, deps.demo.state(merchantId));
  });

  r.post('/play', (c) => {
    const actor = actorOf(c);
    requireRole(actor, ['merchant_staff']);
    const state = deps.demo && actor.merchantId ? deps.demo.state(actor.merchantId) : undefined;
    if (!deps.demo || !actor.merchantId || !state?.available)
      throw new KefuError('NOT_FOUND', 'No demo call for this shop.');
    if (!deps.demo.playAgain(actor.merchantId)) throw new KefuError('CONFLICT', 'A demo call is already playing.');
    return ok(c, DemoStartedWireSchema, { started: true }, 202);
  });

  return r;
}
