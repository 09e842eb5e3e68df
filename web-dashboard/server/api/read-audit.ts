import { sessionHandle } from '../../../pipelines/auth/account.js';
import { type MerchantRead, recordMerchantRead } from '../../../pipelines/moderation/read-audit.js';
import { actorOf, type ApiContext, type ApiDeps } from './context.js';

/** Records a reviewer's read of merchant data under their session (decision 0175); others pass through. */
export async function auditRead(c: ApiContext, deps: Pick<ApiDeps, 'sql'>, read: MerchantRead): Promise<void> {
  const session = c.get('session');
  if (session) await recordMerchantRead(deps.sql, actorOf(c), sessionHandle(session.sessionId), read);
}
