import type { RefundOption } from '../../../../core/analysis.js';
import { buyerWire } from '../../../../core/buyer.js';
import type { Currency, FlagCategory, PromiseAction } from '../../../../core/domain.js';
import { UtteranceSchema } from '../../../../core/events.js';
import type { Sql } from '../../../../db/client.js';
import { listUtterances } from '../../../../db/queries/calls.js';
import { listFlags } from '../../../../db/queries/flags.js';
import { listPolicies } from '../../../../db/queries/policies.js';
import { listNotes, listPromises } from '../../../../db/queries/notes.js';
import { listSuggestions } from '../../../../db/queries/suggestions.js';
import type { ScopedCall } from '../../queries/calls.js';
import { rankOptions, type CallSummary, type CallView } from '../../../shared/call-view.js';
import { readableSummary } from '../../../shared/summary-text.js';

/** Policy titles by id, for the summary's reader (`readableSummary`). */
export async function policyTitles(sql: Sql): Promise<(policyId: string) => string | undefined> {
  const titles = new Map((await listPolicies(sql)).map((p) => [p.id, p.title]));
  return (id) => titles.get(id);
}

export function presentCall(
  c: Omit<ScopedCall, 'summary'> & { summary: unknown },
  titleOf: (policyId: string) => string | undefined = () => undefined,
): CallSummary {
  const stored =
    typeof c.summary === 'string' ? { text: c.summary } : (c.summary as { text?: string; language?: string } | null);
  const language = c.language ?? stored?.language ?? null;
  return {
    id: c.id,
    room: c.room,
    merchantId: c.merchantId,
    buyerId: c.buyerId,
    buyer: buyerWire(c.buyerId, c.buyerName),
    orderIds: c.orderIds,
    language,
    status: c.status,
    startedAt: c.startedAt.toISOString(),
    endedAt: c.endedAt?.toISOString() ?? null,
    summary: stored?.text ? readableSummary(stored.text, stored.language ?? language, titleOf, c.startedAt) : null,
  };
}

/** Rebuilds from the stored rows the same view the live events build up on the client. */
export async function loadCallView(sql: Sql, call: ScopedCall): Promise<CallView> {
  const [rows, notes, promises, suggestions, flags, titleOf] = await Promise.all([
    listUtterances(sql, call.id),
    listNotes(sql, call.id),
    listPromises(sql, call.id),
    listSuggestions(sql, call.id),
    listFlags(sql, call.id),
    policyTitles(sql),
  ]);
  const indexOf = new Map(rows.map((r) => [r.id, r.index]));
  const at = (id: number | null) => (id === null ? 0 : (indexOf.get(Number(id)) ?? 0));
  const span = (n: { spanStart: number | null; spanEnd: number | null }): [number, number] => [
    n.spanStart ?? 0,
    n.spanEnd ?? 0,
  ];
  const options = suggestions.filter((s) => s.kind === 'refund_option');
  const latest = Math.max(-1, ...options.map((s) => at(s.afterUtteranceId)));
  return {
    call: presentCall(call, titleOf),
    utterances: rows.map((r) => UtteranceSchema.parse(r)),
    notes: {
      orderNumbers: notes
        .filter((n) => n.kind === 'order_number')
        .map((n) => ({
          value: String(n.value.value),
          matched: (n.value.matched as boolean | null) ?? null,
          utterance: at(n.utteranceId),
          span: span(n),
        })),
      amounts: notes
        .filter((n) => n.kind === 'amount')
        .map((n) => ({
          value: Number(n.value.value),
          currency: n.value.currency as Currency,
          utterance: at(n.utteranceId),
          span: span(n),
        })),
      products: notes
        .filter((n) => n.kind === 'product')
        .map((n) => ({ name: String(n.value.name), utterance: at(n.utteranceId), span: span(n) })),
      promises: promises.map((p) => ({
        speaker: p.speakerRole,
        action: p.action as PromiseAction,
        deadline: p.deadline,
        conditional: p.conditional,
        utterance: at(p.utteranceId),
        text: p.text,
      })),
    },
    suggestions: suggestions
      .filter((s) => s.kind === 'reply' && s.state !== 'withdrawn')
      .map((s) => ({
        id: s.id,
        afterUtterance: at(s.afterUtteranceId),
        text: s.text,
        policies: s.policyIds,
        engine: s.engine,
        feedback: s.feedback,
        state: s.state === 'withdrawn' ? null : s.state,
      })),
    refundOptions: rankOptions(
      options.filter((s) => at(s.afterUtteranceId) === latest).map((s) => s.payload as unknown as RefundOption),
    ),
    coaching: suggestions
      .filter((s) => s.kind === 'coaching')
      .map((s) => ({
        utterance: at(s.afterUtteranceId),
        category: s.payload.category as FlagCategory,
        message: s.text,
      })),
    flags: flags
      .filter((f) => f.status === 'raised')
      .map((f) => ({
        id: f.id,
        caseId: f.caseId,
        category: f.category,
        severity: f.severity,
        utterance: at(f.utteranceId),
        speaker: f.speakerRole,
        evidence: f.evidenceText,
        span: [f.spanStart, f.spanEnd],
        rule: `${f.ruleId}@${f.ruleVersion}`,
        confidence: f.confidence,
      })),
  };
}
