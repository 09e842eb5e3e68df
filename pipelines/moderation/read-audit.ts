import type { Queryable } from '../../db/client.js';
import type { Sql } from '../../db/client.js';
import { record, REVIEWER_ROLES, type Actor } from './actor.js';

/**
 * What a reviewer's read of merchant data is recorded as (decision 0175): a whole call, a case's
 * evidence, an appeal, a flag's audio clip, or a CSV export. Queue lists and summaries are not
 * (they are the work itself, and would drown the trail); merchants reading their own data are not.
 */
export type MerchantRead =
  | { what: 'call'; id: string; merchantId: string }
  | { what: 'case'; id: string; merchantId: string }
  | { what: 'appeal'; id: string; merchantId: string }
  | { what: 'clip'; id: string; merchantId: string }
  | { what: 'export'; id: string; merchantId: string | null };

const ENTITY = { call: 'call', case: 'case', appeal: 'appeal', clip: 'flag', export: 'export' } as const;

/** One record per reader's session, entity and hour: enough to say who saw what and when. */
export const READ_RECORD_WINDOW = '1 hour';

/**
 * Records a reviewer's read before the data is sent: if the record cannot be written, the read
 * fails. The check and the insert run under a lock on (session, entity), so two requests at once
 * still leave one record.
 */
export async function recordMerchantRead(
  sql: Sql,
  actor: Actor,
  sessionHandle: string,
  read: MerchantRead,
): Promise<boolean> {
  if (actor.kind !== 'user' || !REVIEWER_ROLES.includes(actor.role)) return false;
  const entity = { type: ENTITY[read.what], id: read.id };
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`read:${sessionHandle}:${entity.type}:${entity.id}`}, 0))`;
    if (await recentlyRecorded(tx, actor.id, sessionHandle, entity)) return false;
    await record(tx, actor, 'merchant_data.read', entity, null, {
      what: read.what,
      merchantId: read.merchantId,
      session: sessionHandle,
    });
    return true;
  }) as Promise<boolean>;
}

async function recentlyRecorded(
  q: Queryable,
  actorId: string,
  session: string,
  entity: { type: string; id: string },
): Promise<boolean> {
  const [row] = await q`
    select 1 from audit_events
    where entity_type = ${entity.type} and entity_id = ${entity.id} and action = 'merchant_data.read'
      and actor_id = ${actorId} and after->>'session' = ${session}
      and at > now() - ${READ_RECORD_WINDOW}::interval
    limit 1`;
  return Boolean(row);
}
