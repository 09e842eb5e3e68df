import { z } from 'zod';
import { ApprovalDecidedWireSchema } from '../../../../core/account-wire.js';
import { ApprovalWireSchema } from '../../../../core/approvals.js';
import { Hono } from 'hono';
import { decideApprovalRequest, listApprovals } from '../../../../pipelines/moderation/approvals.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { ok, parse } from '../../api/http.js';
import { IdParamSchema } from '../cases/schema.js';

/** Changes one admin asked for (reviewer roles, automatic rules), approved or rejected by another. */
export function approvalRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/', async (c) => ok(c, z.array(ApprovalWireSchema), await listApprovals(deps.sql, actorOf(c))));
  for (const [path, decision] of [
    ['/:id/approve', 'approved'],
    ['/:id/reject', 'rejected'],
  ] as const) {
    r.post(path, async (c) => {
      const { id } = parse(IdParamSchema, c.req.param());
      return ok(c, ApprovalDecidedWireSchema, await decideApprovalRequest(deps.sql, actorOf(c), id, decision));
    });
  }
  return r;
}
