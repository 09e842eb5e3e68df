import { z } from 'zod';
import { LedgerPromiseWireSchema, PromiseDetailWireSchema, ProofWireSchema } from '../../../../core/promise-wire.js';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { buyerWire } from '../../../../core/buyer.js';
import { KefuError } from '../../../../core/errors.js';
import { listAuditEvents } from '../../../../db/queries/audit.js';
import { listOrderEvents } from '../../../../db/queries/order-events.js';
import { getProofFile, insertProof, listProofs } from '../../../../db/queries/promise-proofs.js';
import { getLedgerPromise, type LedgerPromise, listLedger, orderFacts } from '../../../../db/queries/promise-ledger.js';
import { merchantScope, notFound, record, requireRole } from '../../../../pipelines/moderation/actor.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse, sendError } from '../../api/http.js';
import { requiredMerchant } from '../calls/scope.js';
import {
  LedgerQuerySchema,
  PROOF_BODY_MAX_BYTES,
  PROOF_FILE_MAX_BYTES,
  PromiseParamSchema,
  ProofInputSchema,
  ProofParamSchema,
} from './schema.js';

/** Pages name the buyer by the platform's masked name or a tag, never the account id. */
const withBuyer = (p: LedgerPromise) => ({ ...p, buyer: buyerWire(p.buyerId, p.buyerName) });

/**
 * The promise ledger: a merchant's promises (open first, by due time; then kept, broken,
 * cancelled, superseded), one promise with its order's facts, events, audit trail and proofs,
 * and the proof a merchant attaches (text and an optional small file).
 */
export function promiseRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/', async (c) => {
    const q = parse(LedgerQuerySchema, c.req.query());
    const merchantId = requiredMerchant(actorOf(c), q.merchantId);
    return ok(c, z.array(LedgerPromiseWireSchema), (await listLedger(deps.sql, { ...q, merchantId })).map(withBuyer));
  });

  r.get('/:id', async (c) => {
    const { id } = parse(PromiseParamSchema, c.req.param());
    const promise = await getLedgerPromise(deps.sql, id, merchantScope(actorOf(c)));
    if (!promise) throw notFound('promise');
    const [order, events, trail, proofs] = await Promise.all([
      promise.orderId ? orderFacts(deps.sql, promise.orderId) : undefined,
      promise.orderId ? listOrderEvents(deps.sql, promise.orderId) : [],
      listAuditEvents(deps.sql, { entityType: 'promise', entityId: id }),
      listProofs(deps.sql, id),
    ]);
    return ok(c, PromiseDetailWireSchema, {
      promise: withBuyer(promise),
      order: order ?? null,
      events,
      trail: trail.map((a) => ({ at: a.at, action: a.action, after: a.after })),
      proofs,
    });
  });

  r.post(
    '/:id/proofs',
    bodyLimit({
      maxSize: PROOF_BODY_MAX_BYTES,
      onError: (c) =>
        sendError(
          c,
          new KefuError('PAYLOAD_TOO_LARGE', `file: at most ${PROOF_FILE_MAX_BYTES} bytes (body too large)`),
        ),
    }),
    async (c) => {
      const actor = actorOf(c);
      requireRole(actor, ['merchant_staff']);
      const { id } = parse(PromiseParamSchema, c.req.param());
      const input = parse(ProofInputSchema, await jsonBody(c));
      const promise = await getLedgerPromise(deps.sql, id, merchantScope(actor));
      if (!promise) throw notFound('promise');
      const data = input.file && Buffer.from(input.file.base64, 'base64');
      if (data && data.length > PROOF_FILE_MAX_BYTES) {
        throw new KefuError('INPUT_INVALID', `file: at most ${PROOF_FILE_MAX_BYTES} bytes`);
      }
      const proof = await deps.sql.begin(async (tx) => {
        const row = await insertProof(tx, {
          promiseId: id,
          merchantId: promise.merchantId,
          addedBy: actor.id,
          text: input.text,
          file: input.file && data ? { name: input.file.name, type: input.file.type, data } : undefined,
        });
        await record(tx, actor, 'promise.proof_added', { type: 'promise', id }, null, {
          proofId: row.id,
          fileName: row.fileName,
          fileBytes: row.fileBytes,
        });
        return row;
      });
      return ok(c, ProofWireSchema, proof, 201);
    },
  );

  r.get('/:id/proofs/:proofId', async (c) => {
    const { id, proofId } = parse(ProofParamSchema, c.req.param());
    const promise = await getLedgerPromise(deps.sql, id, merchantScope(actorOf(c)));
    const file = promise && (await getProofFile(deps.sql, id, proofId));
    if (!file) throw notFound('proof');
    return c.body(new Uint8Array(file.fileData), 200, {
      'content-type': file.fileType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-content-type-options': 'nosniff',
    });
  });
  return r;
}
