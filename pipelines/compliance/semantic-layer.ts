/**
 * Layer 2: compares the utterance (with a little of the line before) to labelled exemplars of the
 * candidate's category. Closer to the hard negatives by a clear margin → rejected; close enough to
 * the positives → confirmed; otherwise it abstains. Works with any Embedder; the default is the
 * offline hashed n-gram one, which is lexical, so the margins are deliberately conservative.
 */
import type { LayerVerdict } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { cosine, type Embedder, normalize } from '../embed/contract.js';
import { analyzeLine, clausesOver, QUESTION_MARK } from '../language/index.js';
import type { Exemplar } from './exemplars.js';
import type { Candidate } from './rule-layer.js';

export interface SemanticThresholds {
  /** Mean top-k similarity to the positives at or above which the layer confirms. */
  confirmAt: number;
  /** How much nearer its nearest negative than its nearest positive a candidate must be to be rejected. */
  rejectMargin: number;
  k: number;
  /** Weight of the previous line in the embedded context. */
  contextWeight: number;
  /**
   * A frame candidate (its clause marks already checked) is only rejected when a hard negative is
   * at least this similar — a near-duplicate of a known look-alike, not a shared word or two.
   */
  frameRejectAt: number;
}

export const DEFAULT_SEMANTIC_THRESHOLDS: SemanticThresholds = {
  confirmAt: 0.3,
  rejectMargin: 0.1,
  k: 2,
  contextWeight: 0.3,
  frameRejectAt: 0.5,
};

/** Lines at least this long (characters) get their evidence's clause judged on its own. */
const LONG_LINE = 40;

type Pool = { exemplar: Exemplar; vector: number[] }[];

export class SemanticLayer {
  private vectors?: Promise<Map<string, Pool>>;

  constructor(
    private readonly embedder: Embedder,
    private readonly exemplars: readonly Exemplar[],
    private readonly thresholds: SemanticThresholds = DEFAULT_SEMANTIC_THRESHOLDS,
  ) {}

  async judge(candidate: Candidate, lines: readonly TranscriptLine[]): Promise<LayerVerdict> {
    const pool = (await this.exemplarVectors()).get(candidate.rule.category) ?? [];
    const model = this.embedder.model;
    if (!pool.some((x) => x.exemplar.label === 'positive')) {
      return { layer: 'semantic', verdict: 'abstained', confidence: null, detail: { model, reason: 'no exemplars' } };
    }
    // A cross-line rule's intent lives in the earlier line ("Can I Venmo you?" / "Sure"): weigh it fully.
    const weight = candidate.rule.previous ? 1 : this.thresholds.contextWeight;
    const whole = await this.judgeVector(await this.contextVector(lines, candidate.utterance, weight), pool, model);
    if (whole.verdict !== 'rejected') return whole;
    if (candidate.via === 'frame' && (whole.detail.negative as number) < this.thresholds.frameRejectAt) {
      return { ...whole, verdict: 'abstained', detail: { ...whole.detail, reason: 'no near-duplicate negative' } };
    }
    // A lexical embedding of a long, many-clause line is dominated by its other clauses: before
    // rejecting, judge the clause that holds the evidence on its own, and keep the kinder verdict.
    // Only for long lines, and never for a question ("好评返现？…有返现吗"): the line's context rules there.
    const text = lines[candidate.utterance]!.text;
    if ([...text].length < LONG_LINE) return whole;
    const around = clausesOver(analyzeLine(text), candidate.span);
    const clause = around.length > 0 ? text.slice(around[0]!.span[0], around.at(-1)!.span[1]) : text.trim();
    if (clause === text.trim() || around.at(-1)!.marks.some((m) => m.entry === QUESTION_MARK)) return whole;
    const [cv] = await this.embedder.embed([clause]);
    const part = await this.judgeVector(cv!, pool, model);
    return part.verdict === 'rejected' ? whole : { ...part, detail: { ...part.detail, clause } };
  }

  private async judgeVector(v: number[], pool: Pool, model: string): Promise<LayerVerdict> {
    // No copy of each exemplar per candidate: only its score is new.
    const scored = pool.map((x) => ({ exemplar: x.exemplar, score: cosine(v, x.vector) }));
    const positives = scored.filter((x) => x.exemplar.label === 'positive');
    const negatives = scored.filter((x) => x.exemplar.label === 'negative');
    const pos = this.topMean(positives);
    const [pos1, neg1] = [this.topMean(positives, 1), this.topMean(negatives, 1)];
    const nearest = scored.reduce((a, b) => (b.score > a.score ? b : a));
    const detail = {
      model,
      positive: round(pos1),
      negative: round(neg1),
      nearest: nearest.exemplar.text,
      nearestLabel: nearest.exemplar.label,
    };
    const { confirmAt, rejectMargin } = this.thresholds;
    // Rejection compares nearest neighbours: hard negatives share the rule's keywords by design,
    // so averaging over them would drown a short true positive.
    const verdict =
      neg1 - pos1 >= rejectMargin ? 'rejected' : pos >= confirmAt && pos1 >= neg1 ? 'confirmed' : 'abstained';
    return { layer: 'semantic', verdict, confidence: round(Math.max(0, Math.min(1, pos))), detail };
  }

  private topMean(xs: { score: number }[], k = this.thresholds.k): number {
    if (xs.length === 0) return 0;
    const top = xs
      .map((x) => x.score)
      .sort((a, b) => b - a)
      .slice(0, k);
    return top.reduce((s, x) => s + x, 0) / top.length;
  }

  // Every candidate of a line shares its context vector, and a line is the next line's context:
  // each is embedded once.
  private readonly recent = new Map<string, Promise<number[]>>();
  private readonly embedded = new Map<string, Promise<number[]>>();

  private contextVector(lines: readonly TranscriptLine[], index: number, weight: number): Promise<number[]> {
    const key = `${weight}\u0000${lines[index - 1]?.text ?? ''}\u0000${lines[index]!.text}`;
    return remember(this.recent, key, () => this.embedContext(lines, index, weight));
  }

  private async embedContext(lines: readonly TranscriptLine[], index: number, weight: number): Promise<number[]> {
    const prev = lines[index - 1]?.text;
    const cur = await this.embedLine(lines[index]!.text);
    if (prev === undefined || prev === '') return cur;
    const before = await this.embedLine(prev);
    return normalize(cur.map((x, i) => x + weight * before[i]!));
  }

  private embedLine(text: string): Promise<number[]> {
    return remember(this.embedded, text, async () => (await this.embedder.embed([text]))[0]!);
  }

  /** The exemplars' vectors, embedded once, grouped by category. */
  private exemplarVectors(): Promise<Map<string, Pool>> {
    this.vectors ??= this.embedder.embed(this.exemplars.map((e) => e.text)).then((vs) => {
      const byCategory = new Map<string, Pool>();
      vs.forEach((vector, i) => {
        const exemplar = this.exemplars[i]!;
        byCategory.set(exemplar.category, [...(byCategory.get(exemplar.category) ?? []), { exemplar, vector }]);
      });
      return byCategory;
    });
    return this.vectors;
  }
}

/** A small first-in-first-out memo of recent lines' vectors. */
function remember(memo: Map<string, Promise<number[]>>, key: string, make: () => Promise<number[]>): Promise<number[]> {
  let v = memo.get(key);
  if (!v) {
    v = make();
    memo.set(key, v);
    if (memo.size > 64) memo.delete(memo.keys().next().value!);
  }
  return v;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
