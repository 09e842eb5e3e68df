import { z } from 'zod';
import { PolicyTitleWireSchema } from '../../../../core/rule-wire.js';
import { Hono } from 'hono';
import { listPolicies } from '../../../../db/queries/policies.js';
import type { ApiDeps, ApiEnv } from '../../api/context.js';
import { ok } from '../../api/http.js';

/** The after-sales policies' ids and titles, so pages show a policy by its title, never its id. */
export function policyRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  r.get('/', async (c) =>
    ok(
      c,
      z.array(PolicyTitleWireSchema),
      (await listPolicies(deps.sql)).map((p) => ({
        id: p.id,
        title: p.title,
        language: p.language,
        version: p.version,
      })),
    ),
  );
  return r;
}
