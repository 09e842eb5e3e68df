/**
 * The compliance detector: rules propose, the semantic layer confirms or rejects, an optional LLM
 * adjudicates. Batch (`detect`) and live (`detectUtterance`) run the same per-line logic with only
 * the earlier lines as context, so the bot and the post-call analysis never disagree.
 */
import { type EvidenceLine, EvidenceLineSchema, type FlagFinding } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { type Span, spansOverlap } from '../language/index.js';
import type { Embedder } from '../embed/contract.js';
import { HashedNgramEmbedder } from '../embed/hashed-ngram.js';
import type { LlmClient } from '../llm/contract.js';
import type { RuleReading } from '../learn/gate.js';
import { defaultLineClassifier, type LineClassifier } from '../learn/model.js';
import { type Exemplar, loadExemplars } from './exemplars.js';
import { arbitrate } from './arbitrate.js';
import { CallState } from './call-state.js';
import { LearnedLayer } from './learned-layer.js';
import { adjudicate } from './llm-layer.js';
import { DEFAULT_RECALL, type RecallSettings, recallCandidates } from './llm-recall.js';
import { loadRules, type RuleSet } from './load-rules.js';
import { type Candidate, proposeCandidates } from './rule-layer.js';
import { DEFAULT_SEMANTIC_THRESHOLDS, SemanticLayer, type SemanticThresholds } from './semantic-layer.js';

export interface ComplianceDetectorOptions {
  /** Defaults to `loadRules()` (the shipped rule files). */
  rules?: RuleSet;
  /** Defaults to the offline HashedNgramEmbedder; `null` switches the semantic layer off. */
  embedder?: Embedder | null;
  /** Defaults to `loadExemplars()`. */
  exemplars?: readonly Exemplar[];
  semantic?: Partial<SemanticThresholds>;
  /** Optional third layer: adjudicates every rule candidate and, unless `recall` is false, proposes its own. */
  llm?: LlmClient;
  /** The LLM recall layer's bar (default: model confidence 0.8), or false to only adjudicate. */
  recall?: Partial<RecallSettings> | false;
  /** Time the LLM gets per line (adjudication and recall together); past it the offline result stands. Default 2,000. */
  llmBudgetMs?: number;
  /** Flags below this final confidence are dropped (kept in `inspect`). Default 0.5. */
  minConfidence?: number;
  /**
   * The trained recall layer (decision 0300): `true` for the shipped line model
   * (pipelines/learn/data/compliance-lines.model.json), or a classifier. Off by default.
   */
  learned?: LineClassifier | boolean;
}

export interface DetectOptions {
  signal?: AbortSignal;
}

/** Every candidate any layer saw, accepted or not, for moderators auditing layer disagreements. */
export interface ComplianceCandidate extends FlagFinding {
  accepted: boolean;
  droppedBy: 'rule' | 'semantic' | 'llm' | 'learned' | 'threshold' | 'duplicate' | null;
}

export class ComplianceDetector {
  readonly rules: RuleSet;
  private readonly semantic: SemanticLayer | null;
  private readonly llm: LlmClient | undefined;
  private readonly recall: RecallSettings | null;
  private readonly llmBudgetMs: number;
  private readonly minConfidence: number;
  private readonly learned: LearnedLayer | null;
  /** e.g. 'rules+semantic:hashed-ngram-v1-512+learned:compliance-lines@6': recorded on every flag as its detector. */
  readonly name: string;

  constructor(options: ComplianceDetectorOptions = {}) {
    this.rules = options.rules ?? loadRules();
    const embedder = options.embedder === undefined ? new HashedNgramEmbedder() : options.embedder;
    this.semantic = embedder
      ? new SemanticLayer(embedder, options.exemplars ?? loadExemplars(), {
          ...DEFAULT_SEMANTIC_THRESHOLDS,
          ...options.semantic,
        })
      : null;
    this.llm = options.llm;
    this.recall = options.recall === false ? null : { ...DEFAULT_RECALL, ...options.recall };
    this.llmBudgetMs = options.llmBudgetMs ?? 2_000;
    this.minConfidence = options.minConfidence ?? 0.5;
    const classifier = options.learned === true ? defaultLineClassifier() : options.learned || null;
    this.learned = classifier ? new LearnedLayer(classifier, this.rules) : null;
    this.name = [
      'rules',
      embedder && `semantic:${embedder.model}`,
      this.learned && `learned:${this.learned.classifier.name}`,
      this.llm && `llm:${this.llm.model}`,
    ]
      .filter(Boolean)
      .join('+');
  }

  /** Flags for a whole transcript, sorted by utterance then span. */
  async detect(lines: readonly TranscriptLine[], options: DetectOptions = {}): Promise<FlagFinding[]> {
    return toFlags(await this.inspect(lines, options));
  }

  /** Flags for line `index`, with the lines before it as context (live calls). */
  async detectUtterance(
    lines: readonly TranscriptLine[],
    index: number,
    options: DetectOptions = {},
  ): Promise<FlagFinding[]> {
    return toFlags(await this.inspectUtterance(lines, index, options));
  }

  async inspect(lines: readonly TranscriptLine[], options: DetectOptions = {}): Promise<ComplianceCandidate[]> {
    const out: ComplianceCandidate[] = [];
    for (let i = 0; i < lines.length; i++) out.push(...(await this.inspectUtterance(lines, i, options)));
    // A late flag (decision 0715) is raised on a later line; the transcript's list reads in line order.
    return out
      .map((c, k) => [c, k] as const)
      .sort((a, b) => a[0].utterance - b[0].utterance || a[1] - b[1])
      .map(([c]) => c);
  }

  /**
   * The candidates of line `index`, and after them any late flag on an earlier line of the speaker's
   * that this line completes (decision 0715): its utterance is that line's. Batch and live both call
   * this once per line with the lines so far, so both raise the late flag on the same line.
   */
  async inspectUtterance(
    lines: readonly TranscriptLine[],
    index: number,
    options: DetectOptions = {},
  ): Promise<ComplianceCandidate[]> {
    // The call's state, fetched once per line for both its readers: the rules' frames and the
    // late flags (decision 0835).
    const state = this.stateAt(lines, index);
    const own = await this.inspectOwn(lines, index, state, options);
    // Recorded once in the call's state, for a later line's late flag to read back (decision 0795).
    state.record(this, index, lines[index]!, ownFlags(own));
    return [...own, ...(await this.lateFlags(lines, index, own, state, options))];
  }

  /**
   * Flags on the request half of an act split over two lines (decision 0715): a flag kept on this
   * line whose frame's `flagRequest` read the earlier line as the request (给个五星好评哈 before 截图发
   * 小妹 返您5元) flags that line too, in the kept flag's category, at its confidence, its evidence
   * the request's words and times joined to this line's. Not when the earlier line carries a flag of
   * that category already — its own, or a late one from a line between (one flag per line and act).
   */
  private async lateFlags(
    lines: readonly TranscriptLine[],
    index: number,
    own: readonly ComplianceCandidate[],
    state: CallState,
    options: DetectOptions,
  ): Promise<ComplianceCandidate[]> {
    const out: ComplianceCandidate[] = [];
    for (const flag of own.filter((c) => c.accepted)) {
      const request = own
        .filter((c) => c.category === flag.category && (c.accepted || c.droppedBy === 'duplicate'))
        .map(requestOf)
        .find((r) => r !== null);
      if (!request || out.some((o) => o.utterance === request.utterance && o.category === flag.category)) continue;
      const line = lines[index]!;
      const completedBy: EvidenceLine = {
        utterance: index,
        speaker: line.speaker,
        evidence: flag.evidence,
        span: flag.span,
        startMs: line.startMs,
        endMs: line.endMs,
      };
      const late: ComplianceCandidate = {
        category: flag.category,
        severity: flag.severity,
        utterance: request.utterance,
        speaker: request.speaker,
        evidence: request.evidence,
        span: request.span,
        rule: flag.rule,
        detector: this.name,
        confidence: flag.confidence,
        verdicts: [
          {
            layer: 'rule',
            verdict: 'candidate',
            confidence: flag.confidence,
            detail: { late: true, request, completedBy },
          },
        ],
        accepted: true,
        droppedBy: null,
      };
      const taken = await this.flaggedAlready(lines, request.utterance, index, flag.category, state, options);
      out.push(taken ? { ...late, accepted: false, droppedBy: 'duplicate' } : late);
    }
    return out;
  }

  /**
   * Line `at` has a flag of `category` of its own, or a late one from a line after it and before
   * `index`: read from what each line's judging recorded, never judged again (decision 0795).
   */
  private async flaggedAlready(
    lines: readonly TranscriptLine[],
    at: number,
    index: number,
    category: ComplianceCandidate['category'],
    state: CallState,
    options: DetectOptions,
  ): Promise<boolean> {
    const own = await this.judgedOwn(lines, at, state, options);
    if (own.accepted.includes(category)) return true;
    for (let j = at + 1; j < index; j++) {
      if (lines[j]!.speaker !== lines[at]!.speaker) continue;
      const between = await this.judgedOwn(lines, j, state, options);
      const asks = between.asks.some(([c, u]) => c === category && u === at);
      if (between.accepted.includes(category) && asks) return true;
    }
    return false;
  }

  /**
   * Line `i`'s own flags as recorded when it was judged in this call. A line not judged yet — a
   * caller asking about one line alone, out of order — is judged once now and recorded.
   */
  private async judgedOwn(
    lines: readonly TranscriptLine[],
    i: number,
    state: CallState,
    options: DetectOptions,
  ): Promise<OwnFlags> {
    const recalled = state.recalled<OwnFlags>(this, i, lines[i]!);
    return recalled ?? state.record(this, i, lines[i]!, ownFlags(await this.inspectOwn(lines, i, state, options)));
  }

  /** The call's carried state entered up to line `index`, which must be a line of the transcript. */
  private stateAt(lines: readonly TranscriptLine[], index: number): CallState {
    if (index < 0 || index >= lines.length) throw new RangeError(`No line ${index} in a transcript of ${lines.length}`);
    return CallState.of(this.rules.rules, lines, index);
  }

  /** Line `index`'s own candidates (its rules, layers and duplicate drop), no late flags. */
  private async inspectOwn(
    lines: readonly TranscriptLine[],
    index: number,
    state: CallState,
    options: DetectOptions,
  ): Promise<ComplianceCandidate[]> {
    const proposed = proposeCandidates(this.rules.rules, lines, index, state);
    const judged: ComplianceCandidate[] = [];
    for (const c of proposed) judged.push(await this.judgeOffline(c, lines));
    // Which category, by what the words do (taxonomy.json); then one flag per category.
    // The LLM sees only the surest candidate per category: one question per possible flag.
    const settled = arbitrate(judged, lines, index);
    let kept = dropDuplicates(settled, lines[index]!.text);
    if (this.learned) {
      kept = kept.map((k) => this.learnedVeto(lines, index, k));
      // The layer's flags settle their category by the same arbitration as the rules' (decision 0690),
      // read beside the rules' candidates; the rules' own were settled above and are not moved again.
      const learned = this.learnedFlags(lines, index, kept);
      if (learned.length) kept.push(...arbitrate([...kept, ...learned], lines, index).slice(kept.length));
    }
    if (this.llm) {
      const llm = this.llm;
      const budget = AbortSignal.timeout(this.llmBudgetMs);
      const signal = options.signal ? AbortSignal.any([budget, options.signal]) : budget;
      kept = await Promise.all(
        kept.map((k) => {
          const asked = k.accepted ? askedAbout(k, proposed) : null;
          return asked ? this.adjudicated(llm, asked, k, lines, signal) : k;
        }),
      );
      if (this.recall) {
        const settings = { ...this.recall, detector: this.name, signal };
        kept.push(...(await recallCandidates(llm, lines, index, kept, settings)));
      }
    }
    return dropDuplicates(kept, lines[index]!.text).sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  }

  /**
   * The trained layer's flags in categories no rule proposed on this line: a candidate a rule vetoed
   * (negated, warned-of, quoted), the semantic layer rejected or the confidence bar dropped stays
   * dropped. Held to the same confidence bar. Words a rule already reads as one act are not read
   * again as a second (the card number asked for is the privacy request, not a payment too).
   */
  private learnedFlags(
    lines: readonly TranscriptLine[],
    index: number,
    kept: readonly ComplianceCandidate[],
  ): ComplianceCandidate[] {
    const taken = new Set(kept.map((k) => k.category));
    const line = lines[index]!;
    const read = kept.filter((k) => k.accepted).map((k) => k.span);
    // What the rules made of the line (decision 0690): a category accepted, or vetoed by a rule's
    // context or the model; a gate with `ruleReads` adds nothing where they read one of its categories.
    const byRules = kept.flatMap((k): RuleReading[] =>
      k.accepted
        ? [{ category: k.category, state: 'accepted' }]
        : k.droppedBy === 'rule' || k.droppedBy === 'learned'
          ? [{ category: k.category, state: 'vetoed' }]
          : [],
    );
    const proposed = this.learned!.propose(lines, index, taken, byRules).filter(
      (c) => c.confidence >= this.minConfidence && !read.some((span) => spansOverlap(span, c.span)),
    );
    return proposed.map((c) => ({
      ...c,
      category: c.category as ComplianceCandidate['category'],
      utterance: index,
      speaker: line.speaker,
      detector: this.name,
      accepted: true,
      droppedBy: null,
    }));
  }

  /**
   * A rule's accepted flag the trained model vetoes (decision 0575) is kept as a rejected candidate
   * with the model's verdict (its score, threshold and name); its category stays taken, so the
   * layer does not raise it again on the line.
   */
  private learnedVeto(lines: readonly TranscriptLine[], index: number, k: ComplianceCandidate): ComplianceCandidate {
    if (!k.accepted) return k;
    const v = this.learned!.veto(lines, index, k.category);
    return v ? { ...k, verdicts: [...k.verdicts, v], accepted: false, droppedBy: 'learned' } : k;
  }

  /** Rules and the semantic layer, then the confidence bar. */
  private async judgeOffline(c: Candidate, lines: readonly TranscriptLine[]): Promise<ComplianceCandidate> {
    let confidence = c.confidence;
    let droppedBy: ComplianceCandidate['droppedBy'] = c.rejected ? 'rule' : null;
    const verdicts = [...c.verdicts];
    if (!droppedBy && this.semantic) {
      const v = await this.semantic.judge(c, lines);
      verdicts.push(v);
      if (v.verdict === 'rejected') droppedBy = 'semantic';
      else if (v.verdict === 'confirmed') confidence += (1 - confidence) * 0.3;
      else confidence -= 0.05;
    }
    confidence = clamp(confidence);
    if (!droppedBy && confidence < this.minConfidence) droppedBy = 'threshold';
    return {
      category: c.rule.category,
      severity: c.rule.severity,
      utterance: c.utterance,
      speaker: c.speaker,
      evidence: c.evidence,
      span: c.span,
      rule: c.rule.ref,
      detector: this.name,
      confidence,
      verdicts,
      accepted: droppedBy === null,
      droppedBy,
    };
  }

  private async adjudicated(
    llm: LlmClient,
    c: Candidate,
    judged: ComplianceCandidate,
    lines: readonly TranscriptLine[],
    signal: AbortSignal,
  ): Promise<ComplianceCandidate> {
    const v = await adjudicate(llm, c, lines, signal);
    if (v.verdict === 'rejected')
      return { ...judged, verdicts: [...judged.verdicts, v], accepted: false, droppedBy: 'llm' };
    const gain = v.verdict === 'confirmed' ? (1 - judged.confidence) * 0.5 * (v.confidence ?? 0) : 0;
    return { ...judged, confidence: clamp(judged.confidence + gain), verdicts: [...judged.verdicts, v] };
  }
}

const clamp = (x: number) => Math.round(Math.min(0.99, Math.max(0, x)) * 1000) / 1000;

/**
 * One utterance yields at most one flag per category (the surest, then the longest): moderators
 * decide per violation, and "加我微信 abc8899, 或者打13812345678" is one contact-exchange attempt.
 * Its evidence is that violation and nothing beyond it: the spans of the category's candidates that
 * touch the kept one are joined (加我微信 + 微信 guoyuan888), leaving out any that reach into
 * another category's evidence (…guoyuan888，我私下 ends in the private payment that follows).
 */
// A candidate its own category's rule raised shows its words before one arbitration moved there.
const moved = (c: ComplianceCandidate) => (c.verdicts.some((v) => v.detail && 'arbitration' in v.detail) ? 1 : 0);

function dropDuplicates(cs: ComplianceCandidate[], text: string): ComplianceCandidate[] {
  const ranked = [...cs].sort(
    (a, b) => b.confidence - a.confidence || moved(a) - moved(b) || b.span[1] - b.span[0] - (a.span[1] - a.span[0]),
  );
  const kept: ComplianceCandidate[] = [];
  for (const c of ranked) {
    const dup = c.accepted && kept.some((k) => k.accepted && k.category === c.category);
    if (dup) kept.push({ ...c, accepted: false, droppedBy: 'duplicate' });
    else kept.push(c.accepted ? withEvidence(c, cs, text) : c);
  }
  return kept;
}

const touches = (a: Span, b: Span) => a[0] <= b[1] && b[0] <= a[1];

function withEvidence(
  flag: ComplianceCandidate,
  cs: readonly ComplianceCandidate[],
  text: string,
): ComplianceCandidate {
  const others = cs.filter((c) => c.accepted && c.category !== flag.category).map((c) => c.span);
  const own = cs
    .filter((c) => c.accepted && c.category === flag.category && !others.some((o) => spansOverlap(o, c.span)))
    .map((c) => c.span);
  const seed = own.find((s) => spansOverlap(s, flag.span));
  if (!seed) return flag;
  const span: Span = [...seed];
  for (let grown = true; grown; ) {
    grown = false;
    for (const s of own)
      if (touches(s, span) && (s[0] < span[0] || s[1] > span[1])) {
        [span[0], span[1]] = [Math.min(span[0], s[0]), Math.max(span[1], s[1])];
        grown = true;
      }
  }
  if (span[0] === flag.span[0] && span[1] === flag.span[1]) return flag;
  return { ...flag, span, evidence: text.slice(span[0], span[1]) };
}

/**
 * What the LLM is asked about a kept flag: the rule that proposed it, in the category arbitration
 * settled on, with the flag's own (possibly joined) evidence. A trained-layer flag has no rule
 * ground to put to it and is kept as the offline layers left it.
 */
function askedAbout(k: ComplianceCandidate, proposed: readonly Candidate[]): Candidate | null {
  const source = proposed.find((p) => p.rule.ref === k.rule);
  if (!source) return null;
  return { ...source, rule: { ...source.rule, category: k.category }, span: k.span, evidence: k.evidence };
}

/**
 * What a later line's late flag reads of a judged line (decision 0795), kept small for a long call:
 * the categories it flagged, and the request lines its flags (kept or dropped as duplicates) read.
 */
interface OwnFlags {
  accepted: readonly ComplianceCandidate['category'][];
  asks: readonly (readonly [ComplianceCandidate['category'], number])[];
}
const NO_FLAGS: OwnFlags = { accepted: [], asks: [] };

function ownFlags(own: readonly ComplianceCandidate[]): OwnFlags {
  const accepted = own.filter((c) => c.accepted).map((c) => c.category);
  const asks = own.flatMap((c) => {
    const request = c.accepted || c.droppedBy === 'duplicate' ? requestOf(c) : null;
    return request ? [[c.category, request.utterance] as const] : [];
  });
  return accepted.length === 0 && asks.length === 0 ? NO_FLAGS : { accepted, asks };
}

/** The request half a rule's frame read on an earlier line (decision 0715), from its rule verdict. */
function requestOf(c: ComplianceCandidate): EvidenceLine | null {
  for (const v of c.verdicts) {
    const parsed =
      v.layer === 'rule' && !v.detail.late && v.detail.request !== undefined
        ? EvidenceLineSchema.safeParse(v.detail.request)
        : null;
    if (parsed?.success) return parsed.data;
  }
  return null;
}

function toFlags(cs: ComplianceCandidate[]): FlagFinding[] {
  return cs.filter((c) => c.accepted).map(({ accepted: _a, droppedBy: _d, ...flag }) => flag);
}
