import type { StatementOfReasons } from '../../core/moderation-wire.js';
import type { FlagRow, FlagVerdict } from '../../db/queries/flags.js';
import { groundOf } from './grounds.js';
import type { PenaltyKind } from './settings.js';

export type { StatementOfReasons };

export interface StatementInput {
  decision: {
    id: string;
    caseId: string;
    decidedAt: Date;
    reasonCode: string;
    reasonText: string;
    automatedDecision: 'fully' | 'partially' | 'not';
  };
  call: { id: string; startedAt: Date; language: string | null };
  /** The stored flag's evidence, as `db/queries/flags.ts` reads it, with its line's number. */
  flag: Pick<
    FlagRow,
    | 'category'
    | 'severity'
    | 'ruleId'
    | 'ruleVersion'
    | 'detector'
    | 'confidence'
    | 'speakerRole'
    | 'evidenceText'
    | 'spanStart'
    | 'spanEnd'
    | 'audioStartMs'
    | 'audioEndMs'
  > & { utteranceSeq: number; verdicts: FlagVerdict[] };
  penalty: { kind: PenaltyKind; points: number; startsAt: Date; endsAt: Date | null } | null;
  appealWindowMonths: number;
}

export function buildStatement(i: StatementInput): StatementOfReasons {
  const appealUntil = new Date(i.decision.decidedAt);
  appealUntil.setUTCMonth(appealUntil.getUTCMonth() + i.appealWindowMonths);
  const { dsaCategory: _, ...ground } = groundOf(i.flag.category);
  return {
    version: 1,
    decisionId: i.decision.id,
    caseId: i.decision.caseId,
    callId: i.call.id,
    decidedAt: i.decision.decidedAt.toISOString(),
    outcome: 'upheld',
    facts: {
      callStartedAt: i.call.startedAt.toISOString(),
      contentLanguage: i.call.language,
      speaker: i.flag.speakerRole,
      utteranceSeq: i.flag.utteranceSeq,
      evidence: i.flag.evidenceText,
      span: [i.flag.spanStart, i.flag.spanEnd],
      audio:
        i.flag.audioStartMs === null
          ? null
          : { startMs: i.flag.audioStartMs, endMs: i.flag.audioEndMs ?? i.flag.audioStartMs },
      detector: i.flag.detector,
      confidence: i.flag.confidence,
      verdicts: i.flag.verdicts.map((v) => ({ layer: v.layer, verdict: v.verdict, confidence: v.confidence })),
    },
    rule: {
      id: i.flag.ruleId,
      version: i.flag.ruleVersion,
      category: i.flag.category,
      severity: i.flag.severity,
      ground,
    },
    reason: { code: i.decision.reasonCode, text: i.decision.reasonText },
    automatedDetection: true,
    automatedDecision: i.decision.automatedDecision,
    penalty: i.penalty && {
      kind: i.penalty.kind,
      points: i.penalty.points,
      startsAt: i.penalty.startsAt.toISOString(),
      endsAt: i.penalty.endsAt?.toISOString() ?? null,
    },
    redress: {
      appealUntil: appealUntil.toISOString(),
      free: true,
      how: {
        zh: `可在${writtenDay(appealUntil, 'zh-CN')}前免费申诉：在工作台“违规与申诉”页中提交说明和附件。`,
        en: `Appeal free of charge until ${writtenDay(appealUntil, 'en-US')}: file a statement with text attachments on the dashboard's "Flags & appeals" page.`,
      },
      reviewedBy: 'a human moderator who did not make this decision',
    },
  };
}

/** A day as a person writes it ("2027年6月7日", "Jun 7, 2027"; UTC, the day the window's end falls on), never "2027-06-07". */
function writtenDay(at: Date, locale: 'zh-CN' | 'en-US'): string {
  return at.toLocaleDateString(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
  });
}
