import { z } from 'zod';
import {
  AccountChangeWireSchema,
  AccountWireSchema,
  TemporaryPasswordWireSchema,
  UnlockedWireSchema,
} from '../../../../core/account-wire.js';
import { Hono } from 'hono';
import { resetPassword, unlockUser } from '../../../../pipelines/auth/account.js';
import { createUser, listUsers, updateUser } from '../../../../pipelines/auth/users.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse } from '../../api/http.js';
import { IdParamSchema } from '../cases/schema.js';
import { NewUserSchema, UserUpdateSchema } from './schema.js';

/** Admins manage accounts; password hashes never leave the database. */
export function userRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();

  r.get('/', async (c) => ok(c, z.array(AccountWireSchema), await listUsers(deps.sql, actorOf(c))));

  r.post('/', async (c) => {
    const input = parse(NewUserSchema, await jsonBody(c));
    const result = await createUser(deps.sql, actorOf(c), input);
    return ok(c, AccountChangeWireSchema, result, 'approvalRequired' in result ? 202 : 201);
  });

  r.put('/:id', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const input = parse(UserUpdateSchema, await jsonBody(c));
    const result = await updateUser(deps.sql, actorOf(c), id, input);
    return ok(c, AccountChangeWireSchema, result, 'approvalRequired' in result ? 202 : 200);
  });

  r.post('/:id/password-reset', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    return ok(c, TemporaryPasswordWireSchema, await resetPassword(deps.sql, actorOf(c), id));
  });

  r.post('/:id/unlock', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    return ok(c, UnlockedWireSchema, await unlockUser(deps.sql, actorOf(c), id));
  });

  return r;
}
