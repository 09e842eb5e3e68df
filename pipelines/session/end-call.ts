import type { Sql } from '../../db/client.js';
import { type OpenedCase, openCaseForCall } from '../moderation/open-cases.js';
import { moderationSettings } from '../moderation/settings.js';
import type { CallFindings } from './analyzers.js';
import type { CallSession } from './call-session.js';

export interface EndedCall {
  summary: string;
  findings: CallFindings;
  /** The call's moderation case, when it raised any flag. */
  case: OpenedCase | undefined;
}

/**
 * The one end of a call, however it ended (the bot's room closed, a replay finished, the sweeper
 * found its bot gone): the last utterances are processed, the summary is written and the call
 * marked ended (emitting `call.ended`), then every flag it raised goes into its moderation case.
 * Idempotent after the first run: a second run rewrites the same summary and attaches nothing.
 */
export async function finishCall(sql: Sql | undefined, session: CallSession, endedAt = new Date()): Promise<EndedCall> {
  const { summary, findings } = await session.end(endedAt);
  // Without a database (`kefu analyze`) there is nothing to review.
  const opened = sql && (await openCaseForCall(sql, session.call.id, moderationSettings()));
  return { summary, findings, case: opened };
}
