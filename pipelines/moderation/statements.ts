import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { getAppealForDecision } from '../../db/queries/appeals.js';
import { getDecision } from '../../db/queries/decisions.js';
import { listPenalties } from '../../db/queries/penalties.js';
import { merchantScope, notFound, record, type Actor } from './actor.js';
import { toDsaStatement, type DsaStatement } from './dsa-export.js';
import type { StatementOfReasons } from './statement.js';
import { decisionState, withStates } from './state.js';

/** The statement as sent, with what has happened since: the appeal and the penalty's state. */
export async function getStatement(sql: Sql, actor: Actor, decisionId: string) {
  const d = await getDecision(sql, decisionId, merchantScope(actor));
  if (!d) throw notFound('decision');
  if (!d.statement)
    throw new KefuError('NOT_FOUND', 'This decision dismissed the flag; nothing was held against the merchant.');
  const [appeal, penalties] = await Promise.all([
    getAppealForDecision(sql, d.id),
    listPenalties(sql, d.merchantId, { caseId: d.caseId }),
  ]);
  return {
    statement: d.statement as unknown as StatementOfReasons,
    overturn: d.overturn ?? null,
    /** Where the decision stands now; the statement above stays exactly as sent. */
    state: decisionState(d, appeal),
    penalties: withStates(penalties.filter((p) => p.decisionId === d.id)),
    appeal: appeal && {
      id: appeal.id,
      status: appeal.status,
      filedAt: appeal.filedAt,
      slaDueAt: appeal.slaDueAt,
      outcome: appeal.outcome,
      outcomeText: appeal.outcomeText,
      decidedAt: appeal.decidedAt,
    },
  };
}

/** The DSA Transparency Database shape; a reversed penalty ends on the day it was reversed. */
export async function getDsaStatement(sql: Sql, actor: Actor, decisionId: string): Promise<DsaStatement> {
  const s = await getStatement(sql, actor, decisionId);
  const original = s.penalties.find((p) => !p.replaces);
  const current = original?.reversedAt ? { penaltyEndsAt: original.reversedAt.toISOString() } : {};
  // An export leaves the platform: who took which one is evidence.
  await record(sql, actor, 'statement.exported', { type: 'decision', id: decisionId }, null, { format: 'dsa' });
  return toDsaStatement(s.statement, current);
}
