import type { Context } from 'hono';
import type { Sql } from '../../../db/client.js';
import type { SessionUser } from '../../../db/queries/sessions.js';
import type { AudioStore } from '../../../pipelines/recording/store.js';
import type { Actor } from '../../../pipelines/moderation/actor.js';
import type { ModerationSettings } from '../../../pipelines/moderation/settings.js';
import type { SecurityOptions } from '../security/options.js';

export interface ApiDeps {
  sql: Sql;
  settings: ModerationSettings;
  security: SecurityOptions;
  /** Where call audio is stored; unset, no flag has a playable clip. */
  audio?: AudioStore;
}

export interface ApiEnv {
  Variables: { session: SessionUser | undefined };
}

export type ApiContext = Context<ApiEnv>;

/** The signed-in user as the moderation commands see them (the session middleware guarantees one). */
export function actorOf(c: ApiContext): Actor {
  const s = c.get('session')!;
  return { kind: 'user', id: s.userId, role: s.role, merchantId: s.merchantId };
}
