import { AppealOutcomeSchema } from '../../core/moderation.js';
import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import {
  claimAppealRow,
  decideAppealRow,
  getAppeal,
  getAppealForDecision,
  insertAppeal,
  listAppeals as listAppealRows,
  markDecisionOverturned,
  reversePenaltiesFor,
  type AppealRow,
  type AppealView,
} from '../../db/queries/appeals.js';
import { getDecision } from '../../db/queries/decisions.js';
import { insertPenalty, listPenalties, type PenaltyRow } from '../../db/queries/penalties.js';
import type { Queryable } from '../../db/client.js';
import { withStates } from './state.js';
import { merchantScope, notFound, record, requireRole, REVIEWER_ROLES, type Actor, type UserActor } from './actor.js';
import { reviewerFacts } from '../../db/queries/independence.js';
import { isLighter } from './ladder.js';
import { relayLaterPenalties } from './relay.js';
import { checkRuleHealth } from './rule-health.js';
import { LadderStepSchema, type ModerationSettings } from './settings.js';

export const AppealInputSchema = z.object({
  decisionId: z.uuid(),
  statement: z.string().trim().min(1).max(8000),
  attachments: z
    .array(z.object({ name: z.string().trim().min(1).max(200), text: z.string().max(100_000) }))
    .max(10)
    .default([]),
});

export const AppealDecisionPreviewSchema = z.object({
  outcome: AppealOutcomeSchema,
  /** Only for a partial overturn: the lighter penalty that replaces the reversed one, if any. */
  replacementPenalty: LadderStepSchema.nullable().default(null),
});

export const AppealDecisionSchema = AppealDecisionPreviewSchema.extend({
  outcomeText: z.string().trim().min(1).max(8000),
});

/** A merchant appeals a decision against it: free, within the window, once per decision. */
export async function fileAppeal(
  sql: Sql,
  actor: Actor,
  input: z.infer<typeof AppealInputSchema>,
  settings: ModerationSettings,
): Promise<AppealRow> {
  requireRole(actor, ['merchant_staff']);
  return sql.begin(async (tx) => {
    const d = await getDecision(tx, input.decisionId, merchantScope(actor));
    if (!d) throw notFound('decision');
    if (d.outcome !== 'upheld')
      throw new KefuError('CONFLICT', 'This decision dismissed the flag; there is nothing to appeal.');
    const closes = new Date(d.decidedAt);
    closes.setUTCMonth(closes.getUTCMonth() + settings.appealWindowMonths);
    if (closes < new Date()) {
      throw new KefuError(
        'APPEAL_WINDOW_CLOSED',
        `Appeals against this decision closed on ${closes.toISOString().slice(0, 10)}.`,
      );
    }
    const alreadyAppealed = () => new KefuError('CONFLICT', 'This decision has already been appealed.');
    if (await getAppealForDecision(tx, d.id)) throw alreadyAppealed();
    // Two merchants filing at once both pass the check above; the unique index decides.
    const appeal = await insertAppeal(tx, {
      merchantId: d.merchantId,
      caseId: d.caseId,
      decisionId: d.id,
      filedBy: actor.id,
      statement: input.statement,
      attachments: input.attachments,
      slaHours: settings.appealSlaHours,
    }).catch((err: unknown) => {
      throw (err as { constraint_name?: string }).constraint_name === 'appeals_one_per_decision'
        ? alreadyAppealed()
        : err;
    });
    // The statement and attachments are the merchant's words: the audit keeps their size only.
    await record(tx, actor, 'appeal.filed', { type: 'appeal', id: appeal.id }, null, {
      decisionId: d.id,
      caseId: d.caseId,
      statementChars: input.statement.length,
      attachments: input.attachments.length,
    });
    return appeal;
  }) as Promise<AppealRow>;
}

export async function listAppeals(
  sql: Sql,
  actor: Actor,
  q: {
    status?: AppealRow['status'];
    overdue?: boolean;
    merchantId?: string;
    from?: Date;
    to?: Date;
    limit: number;
    offset: number;
  },
): Promise<AppealView[]> {
  const scope = merchantScope(actor);
  const statuses: AppealRow['status'][] = q.status
    ? [q.status]
    : scope === null
      ? ['open', 'claimed']
      : ['open', 'claimed', 'decided', 'withdrawn'];
  return listAppealRows(sql, {
    merchantId: scope ?? q.merchantId ?? null,
    statuses,
    overdueOnly: q.overdue,
    from: q.from,
    to: q.to,
    limit: q.limit,
    offset: q.offset,
  });
}

/**
 * An appeal with the decision's penalties and their state now, and, for reviewers, the lighter
 * ladder rungs a partial overturn may put in place of the penalty in force.
 */
export async function getAppealView(sql: Sql, actor: Actor, id: string, settings: ModerationSettings) {
  const a = await getAppeal(sql, id, merchantScope(actor));
  if (!a) throw notFound('appeal');
  const penalties = withStates(
    (await listPenalties(sql, a.merchantId, { caseId: a.caseId })).filter((p) => p.decisionId === a.decisionId),
  );
  const standing = penalties.find((p) => p.state === 'in_force');
  const days = (p: PenaltyRow) =>
    p.endsAt ? Math.round((p.endsAt.getTime() - p.startsAt.getTime()) / 86_400_000) : null;
  const replacementOptions = standing
    ? settings.ladder.filter((step) =>
        isLighter(step, { kind: standing.kind, points: standing.points, durationDays: days(standing) }),
      )
    : [];
  return { ...a, penalties, replacementOptions };
}

/**
 * The reviewer must be independent of the decision (DSA Art. 20(6)): not its decider, no part in
 * its case (claimed, released or decided it), and an account and role that already existed when
 * it was made — so an admin cannot mint a fresh moderator to review their own decision.
 */
async function assertIndependent(tx: Queryable, actor: UserActor, a: AppealView): Promise<void> {
  const refuse = (why: string) => {
    throw new KefuError('DUTY_SEPARATION', `${why}; another moderator must review this appeal.`);
  };
  if (a.originalDecidedBy === actor.id) refuse('You made the decision under appeal');
  const facts = await reviewerFacts(tx, actor.id, a.caseId, a.decisionId);
  if (facts.touchedCase) refuse('You worked on the case this decision came from');
  if (!facts.predatesDecision) refuse('Your account or role is newer than the decision under appeal');
}

export async function claimAppeal(
  sql: Sql,
  actor: Actor,
  id: string,
  settings: ModerationSettings,
): Promise<AppealRow> {
  requireRole(actor, REVIEWER_ROLES);
  return sql.begin(async (tx) => {
    const before = await getAppeal(tx, id);
    if (!before) throw notFound('appeal');
    await assertIndependent(tx, actor, before);
    const row = await claimAppealRow(tx, id, actor.id, settings.claimMinutes);
    if (!row) throw await whyNotHeld(tx, id, actor.id);
    await record(tx, actor, 'appeal.claimed', { type: 'appeal', id }, pick(before), pick(row));
    return row;
  }) as Promise<AppealRow>;
}

/** A human decides, never the machine; an overturn reverses the penalty in the same transaction. */
export async function decideAppeal(
  sql: Sql,
  actor: Actor,
  id: string,
  input: z.infer<typeof AppealDecisionSchema>,
  settings: ModerationSettings,
): Promise<{ appeal: AppealRow } & Overturned> {
  requireRole(actor, REVIEWER_ROLES);
  assertReplacementFits(input);
  return sql.begin(async (tx) => {
    const before = await getAppeal(tx, id);
    if (!before) throw notFound('appeal');
    await assertIndependent(tx, actor, before);
    const appeal = await decideAppealRow(tx, {
      id,
      userId: actor.id,
      outcome: input.outcome,
      outcomeText: input.outcomeText,
    });
    if (!appeal) throw await whyNotHeld(tx, id, actor.id);
    await record(tx, actor, 'appeal.decided', { type: 'appeal', id }, pick(before), pick(appeal));
    const result =
      input.outcome === 'upheld'
        ? { appeal, reversed: [], replacement: null, relaid: [] }
        : { appeal, ...(await overturn(tx, actor, appeal, input, settings)) };
    // Every reviewed automated decision moves its rule's sample or rate: check health each time.
    if (before.originalAutomated === 'fully') await checkRuleHealth(tx, before.ruleId, settings);
    return result;
  }) as Promise<{ appeal: AppealRow } & Overturned>;
}

function assertReplacementFits(input: { outcome: string; replacementPenalty: unknown }): void {
  if (input.replacementPenalty && input.outcome !== 'overturned_partly') {
    throw new KefuError('INPUT_INVALID', 'replacementPenalty: only a partial overturn replaces the penalty.');
  }
}

/** Records the overturn beside the decision and reverses its penalty at once. */
type Overturned = {
  reversed: PenaltyRow[];
  replacement: PenaltyRow | null;
  relaid: { from: PenaltyRow; to: PenaltyRow }[];
};

async function overturn(
  tx: Queryable,
  actor: Actor,
  appeal: AppealRow,
  input: z.infer<typeof AppealDecisionSchema>,
  settings: ModerationSettings,
): Promise<Overturned> {
  const id = appeal.id;
  await markDecisionOverturned(tx, appeal.decisionId, id, input.outcome === 'overturned_fully' ? 'fully' : 'partly');
  await record(tx, actor, 'decision.overturned', { type: 'decision', id: appeal.decisionId }, null, {
    appealId: id,
    overturn: input.outcome,
  });
  const reversed = await reversePenaltiesFor(tx, appeal.decisionId, id, `${input.outcome} on appeal`);
  for (const p of reversed) {
    await record(
      tx,
      actor,
      'penalty.reversed',
      { type: 'penalty', id: p.id },
      { reversedAt: null },
      { reversedAt: p.reversedAt, reversedBy: id },
    );
  }
  const replacement = await replacePenalty(tx, actor, reversed[0], input.replacementPenalty);
  const earliest = reversed.map((p) => p.startsAt).sort((a, b) => a.getTime() - b.getTime())[0];
  const relaid = earliest
    ? await relayLaterPenalties(tx, actor, { merchantId: appeal.merchantId, after: earliest, appealId: id, settings })
    : [];
  return { reversed, replacement, relaid };
}

class Preview extends Error {
  constructor(readonly result: Overturned) {
    super('preview');
  }
}

/**
 * What deciding the appeal would do to penalties — reversed, replaced, recomputed — by running the
 * very overturn inside a transaction that is then rolled back. Nothing is kept, not even audit rows.
 */
export async function previewAppealDecision(
  sql: Sql,
  actor: Actor,
  id: string,
  input: z.infer<typeof AppealDecisionPreviewSchema>,
  settings: ModerationSettings,
): Promise<Overturned> {
  requireRole(actor, REVIEWER_ROLES);
  const appeal = await getAppeal(sql, id);
  if (!appeal) throw notFound('appeal');
  assertReplacementFits(input);
  if (input.outcome === 'upheld') return { reversed: [], replacement: null, relaid: [] };
  try {
    await sql.begin(async (tx) => {
      throw new Preview(await overturn(tx, actor, appeal, { ...input, outcomeText: '' }, settings));
    });
  } catch (e) {
    if (e instanceof Preview) return e.result;
    throw e;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}

async function replacePenalty(
  tx: Queryable,
  actor: Actor,
  original: PenaltyRow | undefined,
  step: z.infer<typeof LadderStepSchema> | null,
): Promise<PenaltyRow | null> {
  if (!step) return null;
  const days = (p: PenaltyRow) =>
    p.endsAt ? Math.round((p.endsAt.getTime() - p.startsAt.getTime()) / 86_400_000) : null;
  if (!original || !isLighter(step, { kind: original.kind, points: original.points, durationDays: days(original) })) {
    throw new KefuError(
      'INPUT_INVALID',
      'replacementPenalty: a partial overturn may only lighten a penalty the decision carried.',
    );
  }
  const p = await insertPenalty(tx, {
    merchantId: original.merchantId,
    caseId: original.caseId,
    decisionId: original.decisionId,
    kind: step.kind,
    points: step.points,
    durationDays: step.durationDays,
    replaces: original.id,
    startsAt: original.startsAt,
  });
  await record(tx, actor, 'penalty.applied', { type: 'penalty', id: p.id }, null, {
    kind: p.kind,
    points: p.points,
    endsAt: p.endsAt,
    replaces: original.id,
  });
  return p;
}

async function whyNotHeld(q: Queryable, id: string, userId: string): Promise<KefuError> {
  const now = await getAppeal(q, id);
  if (!now) return notFound('appeal');
  if (now.status === 'decided' || now.status === 'withdrawn')
    return new KefuError('CONFLICT', 'This appeal has already been decided.');
  if (now.assignedTo === userId)
    return new KefuError('CLAIM_EXPIRED', 'Your claim on this appeal has expired; claim it again.');
  if (now.assignedTo && now.claimExpiresAt && now.claimExpiresAt > new Date()) {
    return new KefuError('CONFLICT', 'Another moderator holds this appeal.');
  }
  return new KefuError('CONFLICT', 'Claim this appeal before deciding it.');
}

/** What the audit keeps of an appeal: its state, not the merchant's words. */
function pick(a: AppealRow) {
  return {
    status: a.status,
    assignedTo: a.assignedTo,
    claimExpiresAt: a.claimExpiresAt,
    outcome: a.outcome,
    decidedBy: a.decidedBy,
  };
}
