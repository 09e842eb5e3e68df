import type { FlagFinding, RefundOption, Suggestion } from '../../core/analysis.js';
import type { Sql } from '../../db/client.js';
import type { CallRow } from '../../db/queries/calls.js';
import { insertFlag, listFlags } from '../../db/queries/flags.js';
import {
  deleteNote,
  insertNote,
  insertPromise,
  listNotes,
  listPromises,
  updateNoteValue,
} from '../../db/queries/notes.js';
import { promiseKey } from '../notes/index.js';
import { supersedePromise } from '../promises/lifecycle.js';
import { openPromise } from '../promises/terms.js';
import { insertSuggestion, insertSuggestionState, linkSuggestion } from '../../db/queries/suggestions.js';
import type { SuggestionWithdrawReason } from '../../core/events.js';
import type { CallNotes } from './analyzers.js';

/**
 * Writes a call's findings as they appear. Each finding has a key; a key already stored is never
 * written twice, which lets a restarted session recompute everything and store only what the
 * crashed one had not.
 */
export class FindingStore {
  private readonly stored = new Set<string>();
  /**
   * Amount notes by where they were said (utterance, span start): a bare $ the call later places in
   * a market is read again (decision 0485), so a stored amount is updated, or dropped when it merges.
   */
  private readonly amountRows = new Map<string, { id: string; value: number; currency: string }>();
  /** promiseKey → the open or closed (never superseded) promise stored for this call under it. */
  private readonly promiseRows = new Map<string, { id: string; speaker: string; action: string }>();

  constructor(
    private readonly sql: Sql,
    private readonly call: CallRow,
    /** utterance index → utterances.id; a hole where a line's insert failed */
    private readonly utteranceIds: (number | undefined)[],
  ) {}

  /** Marks what the database already holds for this call (after a restart). */
  async load(): Promise<void> {
    const indexOf = (id: number | null) => (id === null ? -1 : this.utteranceIds.indexOf(id));
    for (const n of await listNotes(this.sql, this.call.id)) {
      const v = n.value as Record<string, unknown>;
      if (n.kind === 'order_number') this.stored.add(`order:${String(v.value)}`);
      if (n.kind === 'amount')
        this.amountRows.set(`${indexOf(n.utteranceId)}:${n.spanStart}`, {
          id: n.id,
          value: Number(v.value),
          currency: String(v.currency),
        });
      if (n.kind === 'product') this.stored.add(`product:${String(v.name)}`);
    }
    for (const p of await listPromises(this.sql, this.call.id)) {
      this.promiseRows.set(promiseKey({ ...p, speaker: p.speakerRole }), {
        id: p.id,
        speaker: p.speakerRole,
        action: p.action,
      });
    }
    for (const f of await listFlags(this.sql, this.call.id)) {
      this.stored.add(`flag:${indexOf(f.utteranceId)}:${f.ruleId}@${f.ruleVersion}:${f.spanStart}`);
    }
  }

  /** Stores notes not stored before; true when anything was new. */
  async saveNotes(notes: CallNotes): Promise<boolean> {
    let changed = false;
    const once = async (key: string, write: () => Promise<unknown>) => {
      if (this.stored.has(key)) return;
      await write();
      this.stored.add(key);
      changed = true;
    };
    const base = { callId: this.call.id };
    for (const o of notes.orderNumbers) {
      await once(`order:${o.value}`, () =>
        insertNote(this.sql, {
          ...base,
          utteranceId: this.utteranceIds[o.utterance] ?? null,
          kind: 'order_number',
          value: { value: o.value, matched: o.matched },
          spanStart: o.span[0],
          spanEnd: o.span[1],
        }),
      );
    }
    const amountsNow = new Set<string>();
    for (const a of notes.amounts) {
      const at = `${a.utterance}:${a.span[0]}`;
      amountsNow.add(at);
      const row = this.amountRows.get(at);
      if (row && row.value === a.value && row.currency === a.currency) continue;
      const value = { value: a.value, currency: a.currency };
      if (row) {
        await updateNoteValue(this.sql, row.id, value);
        this.amountRows.set(at, { id: row.id, ...value });
      } else {
        const { id } = await insertNote(this.sql, {
          ...base,
          utteranceId: this.utteranceIds[a.utterance] ?? null,
          kind: 'amount',
          value,
          spanStart: a.span[0],
          spanEnd: a.span[1],
        });
        this.amountRows.set(at, { id, ...value });
      }
      changed = true;
    }
    for (const [at, row] of this.amountRows) {
      if (amountsNow.has(at)) continue;
      await deleteNote(this.sql, row.id);
      this.amountRows.delete(at);
      changed = true;
    }
    for (const p of notes.products) {
      await once(`product:${p.name}`, () =>
        insertNote(this.sql, {
          ...base,
          utteranceId: this.utteranceIds[p.utterance] ?? null,
          kind: 'product',
          value: { name: p.name },
          spanStart: p.span[0],
          spanEnd: p.span[1],
        }),
      );
    }
    const added: { id: string; speaker: string; action: string }[] = [];
    for (const p of notes.promises) {
      const key = promiseKey(p);
      if (this.promiseRows.has(key)) continue;
      const row = await insertPromise(this.sql, {
        ...base,
        merchantId: this.call.merchantId,
        utteranceId: this.utteranceIds[p.utterance] ?? null,
        speakerRole: p.speaker,
        action: p.action,
        text: p.text,
        deadline: p.deadline,
        conditional: p.conditional,
      });
      await openPromise(this.sql, row.id, p.text, p.action);
      const stored = { id: row.id, speaker: p.speaker, action: p.action };
      this.promiseRows.set(key, stored);
      added.push(stored);
      changed = true;
    }
    // A promise restated a few lines later (with its time, or its condition) is superseded by
    // the restatement: the ledger keeps both rows, one open, and says which replaced which.
    const keys = new Set(notes.promises.map(promiseKey));
    const current = [...this.promiseRows].filter(([key]) => keys.has(key)).map(([, row]) => row);
    const sameAct = (a: { speaker: string; action: string }, b: { speaker: string; action: string }) =>
      a.speaker === b.speaker && a.action === b.action;
    for (const [key, old] of this.promiseRows) {
      if (keys.has(key)) continue;
      // The restatement: one added now, else one already stored (its key had been seen before).
      const by = added.find((a) => sameAct(a, old)) ?? current.find((c) => sameAct(c, old)) ?? added.at(-1);
      await this.sql.begin((tx) => supersedePromise(tx, old.id, by?.id));
      this.promiseRows.delete(key);
      changed = true;
    }
    return changed;
  }

  /** Whether this flag is not stored yet (so it is news to the merchant and the dashboard). */
  isNewFlag(f: FlagFinding): boolean {
    return !this.stored.has(flagKey(f));
  }

  /** Stores a flag unless already stored; returns its id when new. */
  async saveFlag(f: FlagFinding, audio: { startMs: number; endMs: number }): Promise<string | undefined> {
    const [ruleId, version] = f.rule.split('@') as [string, string];
    const key = flagKey(f);
    const utteranceId = this.utteranceIds[f.utterance];
    // A flag is evidence on a stored line; a line whose insert failed has none to point at.
    if (this.stored.has(key) || utteranceId === undefined) return undefined;
    const row = await insertFlag(
      this.sql,
      {
        callId: this.call.id,
        merchantId: this.call.merchantId,
        utteranceId,
        category: f.category,
        severity: f.severity,
        ruleId,
        ruleVersion: Number(version),
        detector: f.detector,
        confidence: f.confidence,
        speakerRole: f.speaker,
        evidenceText: f.evidence,
        spanStart: f.span[0],
        spanEnd: f.span[1],
        audioStartMs: audio.startMs,
        audioEndMs: audio.endMs,
      },
      f.verdicts,
    );
    this.stored.add(key);
    return row.id;
  }

  /**
   * Stores replies as they are sent early (decisions 0495, 0530): each reply's row, not linked to a
   * line yet (its final has not come), and its `provisional` step. So a bot that stops before the
   * final leaves a trail that the next one settles (`withdrawStopped`).
   */
  async saveProvisionalSent(suggestions: (Suggestion & { id: string })[], sentAt: Date): Promise<void> {
    for (const s of suggestions) {
      await this.saveSuggestion(s, true);
      await insertSuggestionState(this.sql, { suggestionId: s.id, state: 'provisional', at: sentAt });
    }
  }

  /**
   * Stores where a reply sent early ended: confirmed or withdrawn, a row of its own. A reply settled
   * by its final is linked to that line; one withdrawn for want of a final has no line. `sentStored`
   * false: its send was not stored (that write failed), so its row and first step are written now.
   */
  async saveProvisional(
    s: Suggestion & { id: string },
    sentAt: Date,
    settled:
      | { state: 'confirmed' }
      | { state: 'withdrawn'; reason: SuggestionWithdrawReason; replacedBy: string[]; linked: boolean },
    sentStored = false,
  ): Promise<void> {
    const linked = settled.state === 'confirmed' || settled.linked;
    if (!sentStored) await this.saveProvisionalSent([s], sentAt);
    const line = linked ? this.utteranceIds[s.afterUtterance] : undefined;
    if (line !== undefined) await linkSuggestion(this.sql, s.id, line);
    await insertSuggestionState(this.sql, {
      suggestionId: s.id,
      state: settled.state,
      ...(settled.state === 'withdrawn' ? { reason: settled.reason, replacedBy: settled.replacedBy } : {}),
      at: new Date(),
    });
  }

  /** Stores a suggestion under the id it was sent with. */
  async saveSuggestion(s: Suggestion & { id: string }, unlinked = false): Promise<void> {
    await insertSuggestion(this.sql, {
      id: s.id,
      callId: this.call.id,
      afterUtteranceId: unlinked ? null : (this.utteranceIds[s.afterUtterance] ?? null),
      kind: 'reply',
      text: s.text,
      payload: {},
      policyIds: s.policies,
      engine: s.engine,
    });
  }

  async saveRefundOption(o: RefundOption, afterUtterance: number, engine: string): Promise<void> {
    await insertSuggestion(this.sql, {
      callId: this.call.id,
      afterUtteranceId: this.utteranceIds[afterUtterance] ?? null,
      kind: 'refund_option',
      text: o.rationale,
      payload: o,
      policyIds: [o.policy],
      engine,
    });
  }

  async saveCoaching(text: string, afterUtterance: number, category: string): Promise<void> {
    await insertSuggestion(this.sql, {
      callId: this.call.id,
      afterUtteranceId: this.utteranceIds[afterUtterance] ?? null,
      kind: 'coaching',
      text,
      payload: { category },
      policyIds: [],
      engine: 'coaching',
    });
  }
}

const flagKey = (f: FlagFinding) => `flag:${f.utterance}:${f.rule}:${f.span[0]}`;
