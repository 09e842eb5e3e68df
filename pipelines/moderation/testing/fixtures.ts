import { randomUUID } from 'node:crypto';
import type { FlagCategory, Severity, UserRole } from '../../../core/domain.js';
import type { Sql } from '../../../db/client.js';
import { insertFlag } from '../../../db/queries/flags.js';
import { upsertUser } from '../../../db/queries/people.js';
import { makeCallWithUtterances } from '../../../test/factories.js';
import { claimCase } from '../cases.js';
import { decideCase } from '../decide.js';
import { openCaseForCall } from '../open-cases.js';
import type { ModerationSettings } from '../settings.js';

export interface FlagSpec {
  ruleId?: string;
  category?: FlagCategory;
  severity?: Severity;
  confidence?: number;
}

/** A merchant's call with one flagged merchant line per spec (evidence at a known span). */
export async function makeFlaggedCall(sql: Sql, specs: FlagSpec[] = [{}], merchantId?: string) {
  const lines: { speaker: 'merchant' | 'customer'; text: string }[] = [
    { speaker: 'customer', text: '苹果烂了三个，怎么办' },
  ];
  for (const _ of specs) lines.push({ speaker: 'merchant', text: '您加我微信 abc8899，我私下转您钱' });
  const made = await makeCallWithUtterances(sql, lines);
  if (merchantId) await sql`update calls set merchant_id = ${merchantId} where id = ${made.call.id}`;
  const owner = merchantId ?? made.merchantId;
  const flags = [];
  for (const [i, s] of specs.entries()) {
    const u = made.utterances[i + 1]!;
    flags.push(
      await insertFlag(
        sql,
        {
          callId: made.call.id,
          merchantId: owner,
          utteranceId: u.id,
          category: s.category ?? 'contact_exchange',
          severity: s.severity ?? 'high',
          ruleId: s.ruleId ?? 'zh.contact.wechat',
          ruleVersion: 1,
          detector: 'rules',
          confidence: s.confidence ?? 0.95,
          speakerRole: 'merchant',
          evidenceText: '加我微信 abc8899',
          spanStart: 1,
          spanEnd: 12,
          audioStartMs: u.startMs,
          audioEndMs: u.endMs,
        },
        [
          { layer: 'rule', verdict: 'candidate', confidence: 0.9, detail: { pattern: '加.{0,2}微信' } },
          { layer: 'semantic', verdict: 'confirmed', confidence: 0.85, detail: {} },
        ],
      ),
    );
  }
  return { merchantId: owner, call: made.call, utterances: made.utterances, flags };
}

export async function makeUser(sql: Sql, role: UserRole, merchantId: string | null = null) {
  return upsertUser(sql, {
    email: `${role}-${randomUUID().slice(0, 8)}@test.kefu`,
    displayName: role,
    role,
    merchantId,
    passwordHash: 'unusable',
  });
}

/**
 * A flagged call's case opened, claimed and every flag upheld on the ladder, by `decider` (default:
 * a new moderator).
 */
export async function upholdEveryFlag(
  sql: Sql,
  made: Awaited<ReturnType<typeof makeFlaggedCall>>,
  settings: ModerationSettings,
  decider?: { id: string; role: 'admin' | 'moderator' },
) {
  const by = decider ?? { id: (await makeUser(sql, 'moderator')).id, role: 'moderator' as const };
  const actor = { kind: 'user', id: by.id, role: by.role, merchantId: null } as const;
  const opened = await openCaseForCall(sql, made.call.id, settings);
  await claimCase(sql, actor, opened!.case.id, settings);
  const { decisions } = await decideCase(
    sql,
    actor,
    opened!.case.id,
    {
      penalty: 'ladder',
      flags: made.flags.map((f) => ({
        flagId: f.id,
        outcome: 'upheld',
        reasonCode: 'CONTACT_OFF_PLATFORM',
        reasonText: '',
      })),
    },
    settings,
  );
  return { caseId: opened!.case.id, decisions };
}
