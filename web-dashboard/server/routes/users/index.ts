import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  AccountChangeWireSchema,
  AccountWireSchema,
  TemporaryPasswordWireSchema,
  UnlockedWireSchema,
} from '../../../../core/account-wire.js';
import { resetPassword, unlockUser } from '../../../../pipelines/auth/account.js';
import { createUser, listUsers, updateUser } from '../../../../pipelines/auth/users.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse } from '../../api/http.js';
import { IdParamSchema } from '../cases/schema.js';
import { AdminActionSchema, NewUserSchema, UserUpdateSchema } from './schema.js';

const optionalBody = async (c: Context<ApiEnv>) =>
  c.req.header('content-length') === '0' || !c.req.header('content-type') ? {} : jsonBody(c);

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
    const { reason } = parse(AdminActionSchema, await optionalBody(c));
    return ok(c, TemporaryPasswordWireSchema, await resetPassword(deps.sql, actorOf(c), id, reason));
  });

  r.post('/:id/unlock', async (c) => {
    const { id } = parse(IdParamSchema, c.req.param());
    const { reason } = parse(AdminActionSchema, await optionalBody(c));
    return ok(c, UnlockedWireSchema, await unlockUser(deps.sql, actorOf(c), id, reason));
  });

  return r;
}
