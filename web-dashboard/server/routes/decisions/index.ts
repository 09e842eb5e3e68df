import { Hono } from 'hono';
import { getDsaStatement, getStatement } from '../../../../pipelines/moderation/statements.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { ok, parse } from '../../api/http.js';
import { DsaStatementWireSchema, StatementWireSchema } from '../../../../core/moderation-wire.js';
import { IdParamSchema } from '../cases/schema.js';

/** Statements of reasons: as the merchant reads them, and as the DSA database takes them. */
export function decisionRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();

  r.get('/:id/statement', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const actor = actorOf(c);
    return ok(c, StatementWireSchema, await getStatement(deps.sql, actor, id));
  });

  r.get('/:id/statement/dsa', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    return ok(c, DsaStatementWireSchema, await getDsaStatement(deps.sql, actorOf(c), id));
  });

  return r;
}
