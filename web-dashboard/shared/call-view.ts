/**
 * The wire shape of one call as the dashboard shows it. `GET /api/calls/:id` returns it whole;
 * the live stream's call events fold into the same shape on the client (`applyCallEvent`), so a
 * page shows a past call and a call in progress with one renderer.
 */
import type { z } from 'zod';
import type { RefundOption } from '../../core/analysis.js';
import type { CallSummaryWireSchema, CallViewWireSchema, FeedbackActionSchema } from '../../core/call-wire.js';
import type { CallEvent } from '../../core/events.js';

export type FeedbackAction = z.output<typeof FeedbackActionSchema>;
export type CallSummary = z.output<typeof CallSummaryWireSchema>;
export type CallView = z.output<typeof CallViewWireSchema>;

/** Folds one live event into a call's view; events of other calls leave it as it is. */
export function applyCallEvent(view: CallView, e: CallEvent): CallView {
  if (e.callId !== view.call.id) return view;
  switch (e.type) {
    case 'utterance.final':
      if (view.utterances.some((u) => u.index === e.utterance.index)) return view;
      return { ...view, utterances: [...view.utterances, e.utterance].sort((a, b) => a.index - b.index) };
    case 'notes.updated': {
      const { type: _t, callId: _c, ...notes } = e;
      return { ...view, notes };
    }
    case 'suggestions.created':
    case 'suggestions.provisional': {
      const state = e.type === 'suggestions.provisional' ? ('provisional' as const) : null;
      const fresh = e.suggestions.filter((s) => !view.suggestions.some((x) => x.id === s.id));
      return { ...view, suggestions: [...view.suggestions, ...fresh.map((s) => ({ ...s, feedback: [], state }))] };
    }
    case 'suggestions.confirmed': {
      const ids = new Set(e.suggestionIds);
      const suggestions = view.suggestions.map((s) => (ids.has(s.id) ? { ...s, state: 'confirmed' as const } : s));
      return { ...view, suggestions };
    }
    case 'suggestions.withdrawn': {
      const ids = new Set(e.suggestionIds);
      return { ...view, suggestions: view.suggestions.filter((s) => !ids.has(s.id)) };
    }
    case 'refund_options.created':
      return { ...view, refundOptions: rankOptions(e.options) };
    case 'coaching.warning':
      if (view.coaching.some((c) => c.utterance === e.utterance && c.category === e.category)) return view;
      return {
        ...view,
        coaching: [...view.coaching, { utterance: e.utterance, category: e.category, message: e.message }],
      };
    case 'flag.raised':
      if (view.flags.some((f) => f.id === e.flagId)) return view;
      return { ...view, flags: [...view.flags, { ...e.flag, id: e.flagId, caseId: null }] };
    case 'call.ended':
      return { ...view, call: { ...view.call, status: 'ended', endedAt: e.endedAt, summary: e.summary } };
    default:
      return view;
  }
}

export function rankOptions(options: RefundOption[]): RefundOption[] {
  return [...options].sort((a, b) => Number(b.recommended) - Number(a.recommended));
}

/** A suggestion's letters and digits, ignoring case, spaces and punctuation. */
export function suggestionKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const bigrams = (key: string) => new Set([...key].slice(1).map((c, i) => key[i] + c));

/**
 * Two suggestions say the same when their letters and digits agree, or when, citing the same
 * policies, most of their letter pairs do (Dice ≥ 0.6): "按比例退款¥11.97" and the earlier
 * "按比例退款（金额待核实）" are one reply at two stages of the call. Pairs, not words: Chinese
 * has no spaces to split on.
 */
export function sameSuggestion(
  a: Pick<CallView['suggestions'][number], 'text' | 'policies'>,
  b: Pick<CallView['suggestions'][number], 'text' | 'policies'>,
): boolean {
  const [ka, kb] = [suggestionKey(a.text), suggestionKey(b.text)];
  if (ka === kb) return true;
  if ([...a.policies].sort().join('|') !== [...b.policies].sort().join('|')) return false;
  const [pa, pb] = [bigrams(ka), bigrams(kb)];
  const shared = [...pa].filter((p) => pb.has(p)).length;
  return (2 * shared) / (pa.size + pb.size || 1) >= 0.6;
}

/**
 * Reply suggestions to show, newest first, near-duplicates merged (the newest of a kind stays)
 * and the ones the merchant dismissed left out.
 */
export function visibleSuggestions(
  view: CallView,
  dismissed: ReadonlySet<string> = new Set(),
): CallView['suggestions'] {
  // A dismissed suggestion still hides its older near-duplicates: dismissing means "not this reply".
  const seen: CallView['suggestions'] = [];
  const out: CallView['suggestions'] = [];
  for (const s of [...view.suggestions].reverse()) {
    if (seen.some((newer) => sameSuggestion(newer, s))) continue;
    seen.push(s);
    if (!dismissed.has(s.id) && !s.feedback.includes('dismissed')) out.push(s);
  }
  return out;
}
