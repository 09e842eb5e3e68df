import { OrderEventOutcomeWireSchema } from '../../../../core/promise-wire.js';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { KefuError } from '../../../../core/errors.js';
import { OrderEventSchema } from '../../../../core/order-events.js';
import type { Sql } from '../../../../db/client.js';
import { applyOrderEvent, promiseEvent } from '../../../../pipelines/promises/lifecycle.js';
import { ok, parse, sendError } from '../../api/http.js';
import type { LiveFeed } from '../../live/feed.js';

/** An order event is a few hundred bytes; anything near this is not one. */
export const ORDER_EVENT_MAX_BYTES = 16 * 1024;
export const SIGNATURE_HEADER = 'x-kefu-signature';

/** HMAC-SHA256 of the raw body as the platform sends it: `sha256=<hex>`. */
export function signOrderEvent(secret: string, rawBody: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

function signatureMatches(secret: string, raw: Uint8Array, header: string | undefined): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!m) return false;
  const want = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(want, Buffer.from(m[1]!, 'hex'));
}

/**
 * The platform's order-events webhook, machine to machine: no session or CSRF token, but every
 * body signed with the shared secret (checked in constant time before it is parsed) and
 * capped in size. Idempotent by eventId: a replay changes nothing and gets the first answer.
 */
export function platformRoutes(deps: { sql: Sql; live: LiveFeed; webhookSecret?: string }) {
  const r = new Hono();
  r.onError((err, c) => sendError(c, err));
  r.post(
    '/order-events',
    bodyLimit({
      maxSize: ORDER_EVENT_MAX_BYTES,
      onError: (c) =>
        sendError(c, new KefuError('INPUT_INVALID', `(body): larger than ${ORDER_EVENT_MAX_BYTES} bytes`)),
    }),
    async (c) => {
      const secret = deps.webhookSecret;
      if (!secret) {
        throw new KefuError(
          'WEBHOOK_DISABLED',
          'The order-events webhook is off: set KEFU_PLATFORM_WEBHOOK_SECRET to the secret the platform signs with.',
        );
      }
      const raw = new Uint8Array(await c.req.arrayBuffer());
      if (!signatureMatches(secret, raw, c.req.header(SIGNATURE_HEADER))) {
        throw new KefuError(
          'SIGNATURE_INVALID',
          'X-Kefu-Signature must be sha256=<hex HMAC-SHA256 of the raw body keyed by the shared secret>.',
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
      } catch {
        throw new KefuError('INPUT_INVALID', '(body): expected a JSON object in UTF-8');
      }
      const result = await applyOrderEvent(deps.sql, parse(OrderEventSchema, body), 'webhook');
      for (const change of result.changes) deps.live.publish(change.merchantId, promiseEvent(change));
      if (result.replayed) c.header('kefu-replayed', 'true');
      return ok(c, OrderEventOutcomeWireSchema, result.outcome);
    },
  );
  return r;
}
