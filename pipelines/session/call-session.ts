import type { FlagFinding, RefundOption, Suggestion } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { CallEvent, Utterance } from '../../core/events.js';
import type { Sql } from '../../db/client.js';
import {
  type CallRow,
  createCall,
  endCall,
  getCall,
  insertUtterance,
  listUtterances,
  setCallLanguage,
} from '../../db/queries/calls.js';
import { getOrders, listBuyerOrders } from '../../db/queries/orders.js';
import { callLanguage } from '../language/index.js';
import type { CallAnalyzers, CallContext, CallFindings, CallNotes } from './analyzers.js';
import { coachingMessage } from './coaching.js';
import { extractWindowed } from './notes-window.js';
import { FindingStore } from './store.js';

export interface HeardUtterance extends TranscriptLine {
  engine: string;
  confidence: number | null;
  participantIdentity?: string;
  language?: string;
}

export interface SessionDeps {
  sql: Sql;
  analyzers: CallAnalyzers;
  emit: (event: CallEvent) => void;
}

const EMPTY_NOTES: CallNotes = { orderNumbers: [], amounts: [], products: [], promises: [] };

/**
 * One call's flow: an utterance in, everything it causes stored and emitted. Utterances from the
 * two speakers arrive concurrently; they are processed one at a time, in arrival order, so the
 * transcript and its findings stay consistent.
 */
export class CallSession {
  private lines: TranscriptLine[] = [];
  private utterances: Utterance[] = [];
  private readonly utteranceIds: number[] = [];
  private notes: CallNotes = EMPTY_NOTES;
  private flags: FlagFinding[] = [];
  private suggestions: Suggestion[] = [];
  private refundOptions: RefundOption[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly store: FindingStore;

  private constructor(
    private readonly deps: SessionDeps,
    readonly call: CallRow,
    private ctx: CallContext,
  ) {
    this.store = new FindingStore(deps.sql, call, this.utteranceIds);
  }

  static async start(
    deps: SessionDeps,
    input: {
      room: string;
      merchantId: string;
      buyerId: string;
      orderIds?: string[];
      startedAt?: Date;
      timeZone?: string;
    },
  ): Promise<CallSession> {
    const call = await createCall(deps.sql, input);
    const session = new CallSession(deps, call, await contextFor(deps.sql, call));
    deps.emit({
      type: 'call.started',
      callId: call.id,
      room: call.room,
      merchantId: call.merchantId,
      startedAt: call.startedAt.toISOString(),
    });
    return session;
  }

  /** Picks up a call after a crash: what was stored stays, nothing is stored twice. */
  static async resume(deps: SessionDeps, callId: string): Promise<CallSession> {
    const call = await getCall(deps.sql, callId);
    if (!call) throw new Error(`No call ${callId} to resume`);
    const session = new CallSession(deps, call, await contextFor(deps.sql, call));
    for (const row of await listUtterances(deps.sql, callId)) {
      session.remember(
        {
          index: row.seq,
          speaker: row.speakerRole,
          text: row.text,
          startMs: row.startMs,
          endMs: row.endMs,
          engine: row.sttEngine,
          confidence: row.sttConfidence,
        },
        row.id,
      );
    }
    await session.store.load();
    session.ctx.language = callLanguage(session.lines.map((l) => l.text));
    session.notes = deps.analyzers.extractNotes(session.lines, session.ctx);
    return session;
  }

  get transcript(): readonly Utterance[] {
    return this.utterances;
  }

  addUtterance(u: HeardUtterance): Promise<Utterance> {
    const next = this.queue.then(() => this.process(u));
    this.queue = next.catch(() => {});
    return next;
  }

  async end(endedAt = new Date()): Promise<{ summary: string; findings: CallFindings }> {
    await this.queue;
    const findings = this.findings();
    const summary = await this.deps.analyzers.summarize(this.lines, findings, this.ctx);
    await endCall(this.deps.sql, this.call.id, { text: summary, language: this.ctx.language }, endedAt);
    this.deps.emit({ type: 'call.ended', callId: this.call.id, summary, endedAt: endedAt.toISOString() });
    return { summary, findings };
  }

  findings(): CallFindings {
    return { ...this.notes, flags: this.flags, suggestions: this.suggestions, refundOptions: this.refundOptions };
  }

  private remember(u: Utterance, id: number): void {
    this.utterances.push(u);
    this.utteranceIds.push(id);
    this.lines.push({ speaker: u.speaker, text: u.text, startMs: u.startMs, endMs: u.endMs });
  }

  private async process(u: HeardUtterance): Promise<Utterance> {
    const { sql, analyzers, emit } = this.deps;
    const row = await insertUtterance(sql, {
      callId: this.call.id,
      speakerRole: u.speaker,
      text: u.text,
      startMs: u.startMs,
      endMs: u.endMs,
      sttEngine: u.engine,
      sttConfidence: u.confidence,
      participantIdentity: u.participantIdentity,
      language: u.language,
    });
    const utterance: Utterance = {
      index: row.seq,
      speaker: u.speaker,
      text: u.text,
      startMs: u.startMs,
      endMs: u.endMs,
      engine: u.engine,
      confidence: u.confidence,
    };
    this.remember(utterance, row.id);
    const language = callLanguage(this.lines.map((l) => l.text));
    if (language !== this.ctx.language || utterance.index === 0) await setCallLanguage(sql, this.call.id, language);
    this.ctx.language = language;
    const callId = this.call.id;
    emit({ type: 'utterance.final', callId, utterance });

    this.notes = extractWindowed(analyzers, this.lines, this.notes, this.ctx);
    if (await this.store.saveNotes(this.notes)) emit({ type: 'notes.updated', callId, ...this.notes });

    for (const flag of await analyzers.detectFlags(this.lines, utterance.index)) {
      const at = this.lines[flag.utterance]!;
      const flagId = await this.store.saveFlag(flag, { startMs: at.startMs, endMs: at.endMs });
      if (!flagId) continue;
      this.flags.push(flag);
      emit({ type: 'flag.raised', callId, flagId, flag });
      if (flag.speaker === 'merchant') {
        const message = coachingMessage(flag.category, this.ctx.language);
        await this.store.saveCoaching(message, flag.utterance, flag.category);
        emit({ type: 'coaching.warning', callId, utterance: flag.utterance, category: flag.category, message });
      }
    }

    if (u.speaker === 'customer') await this.advise(utterance.index);
    return utterance;
  }

  private async advise(index: number): Promise<void> {
    const { analyzers, emit } = this.deps;
    const advice = await analyzers.advise(this.lines, index, { ...this.ctx, notes: this.notes });
    const callId = this.call.id;
    // The merchant has already seen a reply it was offered earlier in this call.
    const fresh = advice.suggestions.filter((s) => !this.suggestions.some((seen) => seen.text === s.text));
    if (fresh.length > 0) {
      const withIds = [];
      for (const s of fresh) withIds.push({ ...s, id: await this.store.saveSuggestion(s) });
      this.suggestions.push(...fresh);
      emit({ type: 'suggestions.created', callId, afterUtterance: index, suggestions: withIds });
    }
    const changed = JSON.stringify(advice.refundOptions) !== JSON.stringify(this.refundOptions);
    if (advice.refundOptions.length > 0 && changed) {
      const engine = advice.suggestions[0]?.engine ?? 'refund-rules';
      for (const o of advice.refundOptions) await this.store.saveRefundOption(o, index, engine);
      this.refundOptions = advice.refundOptions;
      emit({ type: 'refund_options.created', callId, afterUtterance: index, options: advice.refundOptions });
    }
  }
}

async function contextFor(sql: Sql, call: CallRow): Promise<CallContext> {
  // The orders under discussion first, then the buyer's other orders with this merchant.
  const named = await getOrders(sql, call.merchantId, call.orderIds);
  const others = (await listBuyerOrders(sql, call.merchantId, call.buyerId)).filter(
    (o) => !call.orderIds.includes(o.id),
  );
  return {
    startedAt: call.startedAt,
    timeZone: call.timeZone,
    language: call.language === 'en' ? 'en' : 'zh',
    orders: [...named, ...others],
  };
}
