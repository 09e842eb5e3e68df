import { AuditEventWireSchema, AuditVerifyWireSchema } from '../../../../core/audit.js';
import { Hono } from 'hono';
import { z } from 'zod';
import { withAuditSubjects } from '../../../../pipelines/moderation/audit-subjects.js';
import { readAuditLog, verifyAudit } from '../../../../pipelines/moderation/penalties.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { ok, parse } from '../../api/http.js';
import { DayRange, PageSchema } from '../cases/schema.js';

const AuditQuerySchema = z.object({
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(60).optional(),
  ...DayRange,
  ...PageSchema,
});

/** The audit trail and its chain check, for admins. */
export function auditRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/', async (c) =>
    ok(
      c,
      z.array(AuditEventWireSchema),
      await withAuditSubjects(
        deps.sql,
        await readAuditLog(deps.sql, actorOf(c), parse(AuditQuerySchema, c.req.query())),
      ),
    ),
  );
  r.get('/verify', async (c) => ok(c, AuditVerifyWireSchema, await verifyAudit(deps.sql, actorOf(c))));
  return r;
}
