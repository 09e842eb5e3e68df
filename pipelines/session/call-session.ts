import { randomUUID } from 'node:crypto';
import type { Suggestion } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { type CallEvent, type HeardUtterance, type Utterance, UtteranceSchema } from '../../core/events.js';
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
import { listUnsettledProvisionals } from '../../db/queries/suggestions.js';
import type { CallAnalyzers, CallContext, CallFindings } from './analyzers.js';
import { CallAnalysis } from './call-analysis.js';
import { coachingMessage } from './coaching.js';
import { type ProvisionalSkip, type SentProvisional, settleProvisional } from './provisional.js';
import { withdrawStopped } from './stopped-provisionals.js';
import { FindingStore } from './store.js';

export interface SessionDeps {
  sql: Sql;
  analyzers: CallAnalyzers;
  emit: (event: CallEvent) => void;
}

/**
 * One call's flow: an utterance in, everything it causes stored and emitted. Utterances from the
 * two speakers arrive concurrently; they are processed one at a time, in arrival order, so the
 * transcript and its findings stay consistent.
 */
export class CallSession {
  private utterances: Utterance[] = [];
  /** utterance index → utterances.id; a hole where a line's insert failed */
  private readonly utteranceIds: (number | undefined)[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly store: FindingStore;
  private readonly analysis: CallAnalysis;
  /** Replies sent ahead of their final, waiting to be confirmed or withdrawn (decision 0495). */
  private sent: (SentProvisional & { startMs: number; endMs: number }) | undefined;
  /** The provisional advice being computed; a final, or a newer one, cancels its send. */
  private preparing: object | undefined;
  /** Settled provisional replies not stored yet (a `no_final` one waits for the next write). */
  private readonly settled: [
    reply: Parameters<FindingStore['saveProvisional']>[0],
    sentAt: Date,
    settled: Parameters<FindingStore['saveProvisional']>[2],
    sentStored: Promise<boolean>,
  ][] = [];
  /** The open provisional's write at its send: true once its rows and steps are stored. */
  private sentStored: Promise<boolean> = Promise.resolve(true);
  /** Replies a stopped bot sent provisionally and never settled (found on resume, decision 0530). */
  private stopped: Awaited<ReturnType<typeof listUnsettledProvisionals>> = [];

  private constructor(
    private readonly deps: SessionDeps,
    readonly call: CallRow,
    ctx: CallContext,
  ) {
    this.store = new FindingStore(deps.sql, call, this.utteranceIds);
    this.analysis = new CallAnalysis(deps.analyzers, ctx);
  }

  static async start(
    deps: SessionDeps,
    input: {
      room: string;
      merchantId: string;
      buyerId: string;
      buyerName?: string;
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
      const u = UtteranceSchema.parse(row);
      session.utterances.push(u);
      session.utteranceIds.push(row.id);
      session.analysis.recall({ speaker: u.speaker, text: u.text, startMs: u.startMs, endMs: u.endMs });
    }
    await session.store.load();
    session.stopped = await listUnsettledProvisionals(deps.sql, { callId });
    return session;
  }

  get transcript(): readonly Utterance[] {
    return this.utterances;
  }

  /**
   * A customer's words so far in an utterance not yet final: the advice after it is computed now,
   * and used if the final says the same in everything advice reads. Nothing is stored or emitted.
   */
  speculate(line: TranscriptLine): void {
    this.analysis.speculate(line);
  }

  /**
   * A customer's speech ended and `line` is its latest interim hypothesis: the replies advised on it
   * go to the merchant now, marked provisional, unless its final is already being handled. The
   * final confirms or withdraws them (`process`); a final that never comes withdraws them too.
   * Returns why none were sent, or undefined when they were (decision 0725).
   */
  async provisional(line: TranscriptLine): Promise<ProvisionalSkip | undefined> {
    const token = {};
    this.preparing = token;
    const ahead = await this.analysis.provisional(line);
    if (this.preparing !== token) return 'final first';
    if (!ahead) return 'earlier line still heard';
    if (ahead.suggestions.length === 0) return 'no new reply';
    this.preparing = undefined;
    // One provisional open at a time: an earlier one still waits for its final (the speaker
    // went on quickly), and this line's advice comes after its own final instead.
    if (this.sent) return 'earlier provisional open';
    const suggestions = ahead.suggestions.map((s) => ({ ...s, id: randomUUID() }));
    const sentAt = new Date();
    this.sent = { suggestions, sentAt, startMs: line.startMs, endMs: line.endMs };
    this.deps.emit({ type: 'suggestions.provisional', callId: this.call.id, afterUtterance: ahead.index, suggestions });
    // Stored as sent, after the merchant has them: a bot that stops before the final leaves a
    // trail the next one settles. Its settlement waits for this write (`saveSettled`).
    const storing = this.store.saveProvisionalSent(suggestions, sentAt);
    this.sentStored = storing.then(
      () => true,
      () => false,
    );
    await storing;
    return undefined;
  }

  /**
   * Withdraws the replies a stopped bot sent provisionally and never settled (decision 0530), as
   * `bot_stopped`: stored, audited and emitted, so no panel keeps showing them as live. Called once
   * the session's events reach the merchant (the resumed call's room) or when the call ends.
   */
  async withdrawStopped(): Promise<number> {
    const stopped = this.stopped.splice(0);
    return withdrawStopped(this.deps.sql, stopped, (_merchant, event) => this.deps.emit(event));
  }

  /**
   * Settles the open provisional replies against a customer final's replies (undefined: none came
   * for them), emits the verdicts, and returns the final's replies still to send as new ones.
   */
  private settle(final: { index: number; suggestions: Suggestion[] } | undefined) {
    const sent = this.sent!;
    this.sent = undefined;
    const { confirmed, withdrawn, reason, fresh } = settleProvisional(sent, final);
    const callId = this.call.id;
    const replacing = fresh.map((s) => ({ ...s, id: randomUUID() }));
    const replacedBy = replacing.map((s) => s.id);
    const stored = this.sentStored;
    for (const s of confirmed)
      this.settled.push([{ ...s, afterUtterance: final!.index }, sent.sentAt, { state: 'confirmed' }, stored]);
    for (const s of withdrawn)
      this.settled.push([
        s,
        sent.sentAt,
        { state: 'withdrawn', reason, replacedBy, linked: reason !== 'no_final' },
        stored,
      ]);
    if (withdrawn.length > 0)
      this.deps.emit({
        type: 'suggestions.withdrawn',
        callId,
        suggestionIds: withdrawn.map((s) => s.id),
        reason,
        replacedBy,
      });
    if (confirmed.length > 0)
      this.deps.emit({ type: 'suggestions.confirmed', callId, suggestionIds: confirmed.map((s) => s.id) });
    return replacing;
  }

  get speculations(): CallAnalysis['speculations'] {
    return this.analysis.speculations;
  }

  addUtterance(u: HeardUtterance): Promise<Utterance> {
    const next = this.queue.then(() => this.process(u));
    this.queue = next.catch(() => {});
    return next;
  }

  async end(endedAt = new Date()): Promise<{ summary: string; findings: CallFindings }> {
    await this.queue;
    await this.withdrawStopped();
    this.preparing = undefined;
    if (this.sent) this.settle(undefined);
    await this.saveSettled();
    const findings = this.findings();
    const summary = await this.analysis.summarize();
    const language = this.analysis.ctx.language;
    await endCall(this.deps.sql, this.call.id, { text: summary, language }, endedAt);
    this.deps.emit({ type: 'call.ended', callId: this.call.id, summary, endedAt: endedAt.toISOString() });
    return { summary, findings };
  }

  findings(): CallFindings {
    return this.analysis.findings();
  }

  /**
   * The merchant's advice goes out as soon as the analysis has it, before anything is written:
   * each write is a database round trip the merchant would otherwise wait for. The utterance row
   * is written while the analysis runs, and the advice is stored right after it, linked to it, so
   * the stored trail holds everything the merchant saw, in order. The dashboard's events
   * (the utterance, notes, flags) follow the writes, since they carry stored ids.
   */
  private async process(u: HeardUtterance): Promise<Utterance> {
    const { sql, emit } = this.deps;
    const callId = this.call.id;
    const inserting = insertUtterance(sql, { callId, ...u });
    inserting.catch(() => {});
    // A provisional still being computed for this line is not sent now: the final's advice is.
    if (u.speaker === 'customer') this.preparing = undefined;
    const heard = await this.analysis.hear({ speaker: u.speaker, text: u.text, startMs: u.startMs, endMs: u.endMs });

    // A customer's final settles the provisional sent on its interim: its first word lies within the
    // interim's span. A final of later speech means the provisional's speech brought none.
    if (u.speaker === 'customer' && this.sent && u.startMs > this.sent.endMs) this.settle(undefined);
    const suggestions =
      u.speaker === 'customer' && this.sent && u.startMs >= this.sent.startMs
        ? this.settle({ index: heard.index, suggestions: heard.suggestions })
        : heard.suggestions.map((s) => ({ ...s, id: randomUUID() }));
    if (suggestions.length > 0) emit({ type: 'suggestions.created', callId, afterUtterance: heard.index, suggestions });
    if (heard.refundOptions)
      emit({ type: 'refund_options.created', callId, afterUtterance: heard.index, options: heard.refundOptions });
    // A flag stored before (a resumed call) was coached then; a new one is coached now.
    const newFlags = heard.flags.filter((f) => this.store.isNewFlag(f));
    const coaching = newFlags
      .filter((f) => f.speaker === 'merchant')
      .map((f) => ({ flag: f, message: coachingMessage(f.category, heard.language) }));
    for (const { flag, message } of coaching)
      emit({ type: 'coaching.warning', callId, utterance: flag.utterance, category: flag.category, message });
    const saveAdvice = async () => {
      await this.saveSettled();
      for (const s of suggestions) await this.store.saveSuggestion(s);
      if (heard.refundOptions) {
        const engine = heard.suggestions[0]?.engine ?? 'refund-rules';
        for (const o of heard.refundOptions) await this.store.saveRefundOption(o, heard.index, engine);
      }
      for (const { flag, message } of coaching) await this.store.saveCoaching(message, flag.utterance, flag.category);
    };

    let row: Awaited<typeof inserting>;
    try {
      row = await inserting;
    } catch (err) {
      // The merchant has seen this line's advice: it is stored without its line, and the line's
      // place is kept so later lines' findings still point at their own rows. The caller logs the loss.
      this.utteranceIds[heard.index] = undefined;
      await saveAdvice();
      throw err;
    }
    const utterance = UtteranceSchema.parse(row);
    this.utterances.push(utterance);
    this.utteranceIds[heard.index] = row.id;
    emit({ type: 'utterance.final', callId, utterance });
    await saveAdvice();

    if (heard.languageChanged) await setCallLanguage(sql, callId, heard.language);
    if (heard.notes && (await this.store.saveNotes(heard.notes)))
      emit({ type: 'notes.updated', callId, ...heard.notes });
    for (const flag of newFlags) {
      const at = this.analysis.lines[flag.utterance]!;
      const flagId = await this.store.saveFlag(flag, { startMs: at.startMs, endMs: at.endMs });
      if (flagId) emit({ type: 'flag.raised', callId, flagId, flag });
    }
    return utterance;
  }

  /** Stores the provisionals settled so far, with their steps, once their send's write is done. */
  private async saveSettled(): Promise<void> {
    for (const [s, sentAt, settled, stored] of this.settled.splice(0))
      await this.store.saveProvisional(s, sentAt, settled, await stored);
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
