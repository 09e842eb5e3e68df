import type { ModerationCategory, Severity, SpeakerRole } from '../../core/domain.js';
import type { Sql } from '../client.js';

export interface FlagRow {
  id: string;
  callId: string;
  merchantId: string;
  utteranceId: number;
  caseId: string | null;
  category: ModerationCategory;
  severity: Severity;
  ruleId: string;
  ruleVersion: number;
  detector: string;
  confidence: number;
  speakerRole: SpeakerRole;
  evidenceText: string;
  spanStart: number;
  spanEnd: number;
  audioStartMs: number | null;
  audioEndMs: number | null;
  status: 'raised' | 'rejected';
  createdAt: Date;
  /** The promise a `broken_promise` flag is about (migration 0070). */
  promiseId?: string | null;
}

export type VerdictLayer = 'rule' | 'semantic' | 'llm';

export interface FlagVerdict {
  layer: VerdictLayer;
  verdict: 'candidate' | 'confirmed' | 'rejected' | 'abstained';
  confidence: number | null;
  detail: Record<string, unknown>;
}

/** Stores a flag together with the verdict of every layer that looked at it. */
export async function insertFlag(
  sql: Sql,
  f: Omit<FlagRow, 'id' | 'caseId' | 'status' | 'createdAt'> & { status?: FlagRow['status'] },
  verdicts: readonly FlagVerdict[],
): Promise<FlagRow> {
  return sql.begin(async (tx) => {
    const [row] = await tx<FlagRow[]>`
      insert into flag_rows (call_id, merchant_id, utterance_id, category, severity, rule_id, rule_version,
                         detector, confidence, speaker_role, evidence_text, span_start, span_end,
                         audio_start_ms, audio_end_ms, status)
      values (${f.callId}, ${f.merchantId}, ${f.utteranceId}, ${f.category}, ${f.severity}, ${f.ruleId},
              ${f.ruleVersion}, ${f.detector}, ${f.confidence}, ${f.speakerRole}, ${f.evidenceText},
              ${f.spanStart}, ${f.spanEnd}, ${f.audioStartMs}, ${f.audioEndMs}, ${f.status ?? 'raised'})
      returning *, null::uuid as case_id`;
    for (const v of verdicts) {
      await tx`insert into flag_verdicts (flag_id, layer, verdict, confidence, detail)
               values (${row!.id}, ${v.layer}, ${v.verdict}, ${v.confidence}, ${tx.json(v.detail as never)})`;
    }
    return row!;
  }) as Promise<FlagRow>;
}

export async function listFlags(sql: Sql, callId: string): Promise<(FlagRow & { verdicts: FlagVerdict[] })[]> {
  return sql<(FlagRow & { verdicts: FlagVerdict[] })[]>`
    select f.*, coalesce(
      (select json_agg(json_build_object('layer', v.layer, 'verdict', v.verdict,
               'confidence', v.confidence, 'detail', v.detail) order by v.created_at)
       from flag_verdicts v where v.flag_id = f.id), '[]') as verdicts
    from flags f where f.call_id = ${callId}
    order by f.utterance_id, f.span_start`;
}
