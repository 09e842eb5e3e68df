import type { SpeakerRole } from '../../core/domain.js';
import {
  analyzeLine,
  clauseAt,
  classMatches,
  hasMark,
  hypotheticalClauses,
  type LexiconMatch,
  type LineAnalysis,
  negationOver,
} from '../language/index.js';

/**
 * The after-sales problems, in priority order: when one line names several, the earlier kind wins
 * ("the washer leaks after installation" is damage, not an installation question; "退款还没到" is
 * the refund, not the parcel). Their cue
 * words are the `issue.<kind>` classes of pipelines/language/data/issues.lexicon.json.
 */
export const ISSUE_KINDS = [
  'wrong_item',
  'missing_item',
  'spoiled',
  'not_as_described',
  'damaged',
  'installation',
  'billing',
  'refund_status',
  'late',
  'price_drop',
  'changed_mind',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];
/** Each kind with its word class, named once rather than on every line read. */
const ISSUE_CLASSES = ISSUE_KINDS.map((kind) => [kind, `issue.${kind}`] as const);

/**
 * Members of word class `cls` the line asserts: not in a hypothetical clause (see
 * `hypotheticalClauses`), not in reported speech, not in a negation's scope ("没坏", "it's not
 * broken"). A cue that is itself negative (没收到, not working) starts at its negation, so it
 * stands. Matches may span clauses ("我拍的是M码，寄过来的却是XXL"); the clause they start in decides.
 */
export function asserted(a: LineAnalysis, cls: string): readonly LexiconMatch[] {
  const matches = classMatches(a, cls);
  // Most classes asked are absent from most lines: their (shared, read-only) empty list, no closure.
  if (matches.length === 0) return matches;
  const hypothetical = hypotheticalClauses(a);
  return matches.filter((m) => {
    const clause = clauseAt(a, m.span[0]);
    if (clause && (hypothetical.has(clause.index) || hasMark(clause, 'reported'))) return false;
    return !negationOver(a, m.span);
  });
}

export type Preference = 'refund' | 'replacement';

/**
 * The remedies a buyer can ask for, as word classes of pipelines/language/data/issues.lexicon.json.
 * Refusing one states the other: 不想换了 is "refund me", 不想退 is "replace it".
 */
const PREFERENCES: readonly Preference[] = ['refund', 'replacement'];
const PREFERENCE_CLASS: Record<Preference, string> = {
  refund: 'preference.refund',
  replacement: 'preference.replacement',
};

/** The remedy a line asks for, if any: the first said. */
export function firstPreference(a: LineAnalysis): Preference | null {
  const hit = PREFERENCES.map((preference) => ({
    preference,
    at: asserted(a, PREFERENCE_CLASS[preference])[0]?.span[0],
  }))
    .filter((c): c is { preference: Preference; at: number } => c.at !== undefined)
    .sort((x, y) => x.at - y.at)[0];
  return hit?.preference ?? null;
}

/**
 * A line's problem kinds, priority first, with the words that gave each away; `fit` when a change
 * of mind is goods that don't fit the buyer (偏小, "runs small"), whose first remedy is another size.
 */
export type IssueCues = { kind: IssueKind; cue: string; fit?: true }[];

/**
 * The problem kinds a line asserts, highest priority first: the `issue.<kind>` word classes
 * outside conditions, reported speech and negation, plus goods that fail at what they do (不出热风)
 * and a parcel said lost or marked delivered but not received (late).
 * A damage word about fresh food (坏了, gone bad) is spoilage. Returned twice, [as the line reads
 * alone, as it reads when the call is about fresh goods], from one reading of the line.
 */
export function kindsOf(a: LineAnalysis, speaker: SpeakerRole = 'customer'): [IssueCues, IssueCues] {
  // A merchant citing policy (支持七天无理由 质量问题也包的) names problems no one has: the policy
  // mark sits on one clause, the problems it covers often in the next.
  if (speaker === 'merchant' && a.clauses.some((c) => hasMark(c, 'policy'))) return [[], []];
  // The buyer's own order details written wrong (地址写错了) are a change to make, not a wrong item.
  const changes = classMatches(a, 'issue.order_change').map((m) => clauseAt(a, m.span[0])?.index);
  const aboutGoods = (kind: IssueKind, m: LexiconMatch) =>
    kind !== 'wrong_item' || !changes.includes(clauseAt(a, m.span[0])?.index);
  const freshGoods = classMatches(a, 'goods.fresh').length > 0;
  // A question about what the goods will do (这个会掉色吗, "will it shrink?") asks before a sale.
  const presale = new Set(
    classMatches(a, 'issue.prospective')
      .map((m) => clauseAt(a, m.span[0]))
      .filter((c) => c !== undefined && hasMark(c, 'question'))
      .map((c) => c!.index),
  );
  const stands = (m: LexiconMatch) => !presale.has(clauseAt(a, m.span[0])?.index ?? -1);
  const spoilage = asserted(a, 'issue.spoiled_if_fresh').filter(stands);
  const cues = ISSUE_CLASSES.map(([kind, cls]) => ({
    kind,
    cue: asserted(a, cls).find((m) => aboutGoods(kind, m) && stands(m)),
  }));
  const fit = asserted(a, 'issue.size_fit').filter(stands)[0];
  const failing = functionFailure(a);
  // The frame is the buyer's report: a merchant naming a part's state diagnoses a cause (一般是螺丝松了).
  const defect = speaker === 'customer' ? partDefect(a, stands) : null;
  // A parcel said lost, or marked delivered and never received, is an order not delivered.
  const lost = asserted(a, 'issue.lost_parcel').filter(stands)[0];
  const read = (fresh: boolean): IssueCues => {
    const found: IssueCues = [];
    const add = (kind: IssueKind, cue: string, fits?: true) => {
      if (!found.some((f) => f.kind === kind)) found.push(fits ? { kind, cue, fit: fits } : { kind, cue });
    };
    for (const { kind, cue } of cues) {
      if (!cue) continue;
      const spoiled =
        kind === 'damaged' && fresh && spoilage.some((m) => m.span[0] < cue.span[1] && cue.span[0] < m.span[1]);
      add(spoiled ? 'spoiled' : kind, cue.text, kind === 'changed_mind' ? fit && true : undefined);
    }
    if (fit) add('changed_mind', fit.text, true);
    if (failing) add('damaged', failing);
    if (defect) add('damaged', defect);
    if (lost) add('late', lost.text);
    if (fresh && spoilage[0]) add('spoiled', spoilage[0].text);
    return found.sort((x, y) => ISSUE_KINDS.indexOf(x.kind) - ISSUE_KINDS.indexOf(y.kind));
  };
  const alone = read(freshGoods);
  return [alone, freshGoods ? alone : read(true)];
}

/** Whether a line asserts a member of class `cls` (see `asserted`). */
export function says(text: string, cls: string): boolean {
  return asserted(analyzeLine(text), cls).length > 0;
}

/** Whether a line names a member of class `cls` at all (goods words: "芒果" needs no assertion). */
export function names(text: string, cls: string): boolean {
  return classMatches(analyzeLine(text), cls).length > 0;
}

/**
 * A part of the goods in a defective state (把手有点松, "the zipper is stuck", 屏幕上有一条绿线, "a
 * button is loose"): an `issue.part_state` the line asserts, with an `issue.part` not negated in its
 * clause or earlier in the line (speech transcripts split 我那个保温杯 倒的热水 一个小时就凉了 at the
 * pauses). Read on the buyer's lines only (see `kindsOf`). The state words alone say nothing (太小了 is a size, "stuck" a parcel); said of a part
 * they are damage. The cue runs from the first of the two words to the last.
 */
function partDefect(a: LineAnalysis, stands: (m: LexiconMatch) => boolean): string | null {
  const parts = classMatches(a, 'issue.part').filter((p) => !negationOver(a, p.span));
  if (parts.length === 0) return null;
  for (const state of asserted(a, 'issue.part_state').filter(stands)) {
    const clause = clauseAt(a, state.span[0])?.index;
    const part = parts.find((p) => p.span[1] <= state.span[0] || clauseAt(a, p.span[0])?.index === clause);
    if (part) return a.text.slice(Math.min(part.span[0], state.span[0]), Math.max(part.span[1], state.span[1]));
  }
  return null;
}

/**
 * Goods that fail at what they do: a goods-function word inside a negation's scope (不出热风,
 * 左边没声音, "the fan does not spin"), in a clause that is not conditional. The cue runs from
 * the negation to the function word.
 */
export function functionFailure(a: LineAnalysis): string | null {
  const hypothetical = hypotheticalClauses(a);
  // "I don't like the sound" dislikes the goods (a change of mind); it says nothing fails.
  const dislikes = classMatches(a, 'issue.changed_mind');
  // A warning to the listener (千万别转, 别下载) tells them what not to do; nothing fails.
  const warnings = classMatches(a, 'issue.prohibitive');
  for (const clause of a.clauses) {
    if (hypothetical.has(clause.index) || hasMark(clause, 'reported')) continue;
    for (const neg of clause.marks) {
      if (neg.kind !== 'negation' || !neg.scope) continue;
      if ([...dislikes, ...warnings].some((m) => m.span[0] <= neg.span[0] && neg.span[1] <= m.span[1])) continue;
      // The speaker's own refusal (我不转, "I won't…") says what they won't do, not what the goods can't.
      if (clause.marks.some((m) => m.kind === 'self' && a.text.slice(m.span[1], neg.span[0]).trim() === '')) continue;
      const [from, to] = neg.scope.span;
      const f = classMatches(clause, 'issue.goods_function').find((m) => m.span[0] >= from && m.span[1] <= to);
      if (f) return a.text.slice(neg.span[0], f.span[1]);
    }
  }
  return null;
}

/**
 * The remedies a call can settle on: the refund option kinds a party names, and a repair, which
 * settles the problem without any refund. Their words are the `remedy.<kind>` classes (said by the
 * merchant) and `preference.partial_refund` / `preference.repair` (asked by the buyer) of
 * pipelines/language/data/issues.lexicon.json. `refund` is a refund of no stated kind (给您退款);
 * `coupon` a goodwill coupon or store credit, an extra beside any other remedy.
 */
export const REMEDIES = [
  'reship',
  'replacement',
  'return_refund',
  'refund_only',
  'partial_refund',
  'refund',
  'repair',
  'coupon',
] as const;
export type Remedy = (typeof REMEDIES)[number];
/** Each remedy's word class, named once rather than on every line read. */
const REMEDY_CLASS = Object.fromEntries(REMEDIES.map((r) => [r, `remedy.${r}`])) as Record<Remedy, string>;

/** The kinds of refund, which a bare "refund" stands for. */
export const REFUNDS: readonly Remedy[] = ['refund_only', 'return_refund', 'partial_refund'];
/** Remedies that are money back: a refund of any kind. */
export const MONEY_BACK: readonly Remedy[] = [...REFUNDS, 'refund'];

/** What one line does to the remedy of the call (see `remedyOf`). */
export interface RemedyReading {
  /** Stated by the merchant, or asked for by the buyer. */
  settled: Remedy | null;
  /** Put to the buyer without settling: a choice, a question, an offer on the buyer's consent. */
  offered: Remedy[];
  /** The remedies offered are one side of a choice put to the buyer (补漆笔或者退一部分钱, 您看选哪个). */
  choice: boolean;
  /** The buyer turns down what was offered or settled (不用补了, "keep the credit"). */
  declines: boolean;
  /** The buyer says yes (行吧, "sounds good"): settles an offer of one remedy just made. */
  accepts: boolean;
  /**
   * The buyer's plain no (不用了, "I'll pass"): it declines only a remedy the merchant offered or
   * proposed on the line just before (`CallReading` reads it so), and alone says nothing.
   */
  no: boolean;
  /** The merchant turns down the return or refund asked (不支持退换, "sales are final"). */
  refuses: boolean;
  /**
   * What the merchant's line offers is for something in return (删了差评 给您补20) or off the
   * platform (加小妹微信 那边给您补发): no remedy, and no promise on it carries one out either.
   */
  void: boolean;
  /** The merchant lets the buyer keep the goods (留着就好, "no need to send it back"). */
  keeps: boolean;
  /**
   * The merchant names a remedy only on a result not yet known (检测是质量问题的话给您退款, "if the
   * inspection confirms it"): nothing is settled, and a buyer's ask before it is not agreed.
   */
  pending: boolean;
  /** The merchant gives money back for a fee (配送费给您退掉, "refund the install fee"): no refund of the order. */
  fee: boolean;
  /** The merchant says the remedy is done (已经给您退了, "I've refunded"), not only promised. */
  done: boolean;
  /** The merchant's line asks the buyer (您看可以吗, "would that be ok?"): a yes next answers what it stated. */
  asks: boolean;
}

/**
 * The compliance classes of a refund or deal outside the platform: such money is no remedy. Of
 * `off_platform`, the Chinese words (私下, 平台外); its English ones ("directly") also say how an
 * on-platform refund is paid.
 */
function offPlatform(a: LineAnalysis): boolean {
  return (
    privateChannel(a) ||
    classMatches(a, 'private_refund').length > 0 ||
    classMatches(a, 'private_deal').length > 0 ||
    classMatches(a, 'off_platform').some((m) => m.entry.startsWith('compliance.off_platform.zh'))
  );
}

/**
 * Whether a line invites the buyer to a private channel (加小妹微信, "message me on WhatsApp", 私下联系):
 * what it offers "from there" is off the platform (blind-i/j/p: money or goods offered off the
 * platform settle nothing). An invitation alone ("contact me") or a channel alone (WeChat Pay, the
 * brand's own "DM us") is not one.
 */
function privateChannel(a: LineAnalysis): boolean {
  return (
    classMatches(a, 'invite_channel').length > 0 ||
    classMatches(a, 'off_platform_contact').length > 0 ||
    (classMatches(a, 'contact_invite').length > 0 && classMatches(a, 'contact_channel').length > 0)
  );
}

/**
 * A fee taken off the money (退货要扣百分之三十的折旧费, "a 25% restocking fee"), the shared compliance
 * class `penalty`: the merchant obstructs the remedy (0705 rule 3), and a buyer's ask before it is
 * not agreed. Threats and contempt alone are not read so: the sets label the buyer's ask despite them
 * (D zh51, E zh48, G en07) unless the merchant also turns it down (退不了, 都不退) (decision 0785).
 */
function obstructs(a: LineAnalysis): boolean {
  return asserted(a, 'penalty').length > 0;
}

/** A sanction threatened: said in a condition's consequence too (您非要退 我们就拉黑您), not negated. */
function threatens(a: LineAnalysis): boolean {
  return classMatches(a, 'sanction').some((m) => !negationOver(a, m.span));
}

/**
 * Whether what a line binds is bound only to the buyer's own step or the goods reaching the shop:
 * its conditions are such steps, or it marks no condition and names one (仓库签收以后, a time after
 * the step rather than a condition).
 */
export function onBuyerStep(a: LineAnalysis): boolean {
  const last = a.clauses.at(-1);
  const condition = last ? conditionAt(a, last.index) : 'none';
  return condition === 'buyer_step' || (condition === 'none' && classMatches(a, 'remedy.buyer_step').length > 0);
}

/**
 * What a line does to the call's remedy. A merchant settles one by stating it (补发一片, "a
 * replacement ships tomorrow"); offers it by asking, by putting a choice (给您补发还是退款呢: two
 * remedies, or a choice put to the buyer), or on the buyer's consent (您不介意的话补偿您300元); and
 * does neither when citing policy, under a condition on events (确认是…的话换新), for something in
 * return (删了差评 给您补20) or off the platform (私下补偿, 走支付宝退您). Of two remedy words
 * that overlap, the longer is what was said (寄个新的 is a replacement, not a reship). A buyer
 * asks for a part refund or a repair in any clause, but naming two remedies in a question
 * (a new one or repaired?) asks which, and settles nothing.
 */
export function remedyOf(a: LineAnalysis, speaker: SpeakerRole): RemedyReading {
  const reading: RemedyReading = {
    settled: null,
    offered: [],
    choice: false,
    declines: asserted(a, 'remedy.decline').length > 0,
    accepts: asserted(a, 'preference.accept').length > 0,
    no: speaker === 'customer' && classMatches(a, 'remedy.decline_offer').length > 0,
    refuses: false,
    void: false,
    keeps: false,
    pending: false,
    fee: false,
    done: false,
    asks: false,
  };
  if (speaker === 'customer') {
    const named = REMEDIES.filter((r) => classMatches(a, REMEDY_CLASS[r]).length > 0);
    const asked =
      asserted(a, 'preference.repair').length > 0
        ? 'repair'
        : asserted(a, 'preference.partial_refund').length > 0
          ? 'partial_refund'
          : null;
    const which =
      named.length + (asked && !named.includes(asked) ? 1 : 0) > 1 && a.clauses.some((c) => hasMark(c, 'question'));
    return { ...reading, settled: which ? null : asked };
  }
  reading.asks = a.clauses.some((c) => hasMark(c, 'question')) || classMatches(a, 'remedy.consent').length > 0;
  // Compliance's refund_refusal is not read here: its bare 不退 also matches taunts (爱退不退) that
  // leave the buyer free to apply.
  reading.refuses = asserted(a, 'remedy.refused').length > 0 || obstructs(a);
  reading.keeps = asserted(a, 'remedy.keep_goods').length > 0;
  // Money back for a fee: its clause and the next one (点退押金 原路退回), not the whole line
  // (您申请退货退款…运费给您报销 still returns the goods for their money).
  const feeClauses = new Set(
    asserted(a, 'remedy.fee_refund').flatMap((m) => {
      const at = clauseAt(a, m.span[0])?.index;
      return at === undefined ? [] : [at, at + 1];
    }),
  );
  reading.fee = feeClauses.size > 0;
  // A bot's menu (【自动回复】 1.查物流 2.退换货) lists remedies nobody chose.
  if (classMatches(a, 'remedy.automated').length > 0) return reading;
  // Money held back until the buyer does something in return (改了评价马上同意退款, "the refund is
  // released once the review is updated") turns the refund down as it stands: what was settled or
  // asked before it is held hostage, not agreed (decision 0920). Goods sent again beside it
  // (撤销退款申请 给您补发) are the platform's own steps for a reship, not a refund held back.
  const goods = (['replacement', 'reship'] as const).some((r) => classMatches(a, REMEDY_CLASS[r]).length > 0);
  // Not a fee or an extra offered for the review beside a remedy (I'll refund your shipping too): that
  // bargain voids only itself.
  const held =
    classMatches(a, 'review_ref').length > 0 &&
    !goods &&
    !reading.fee &&
    classMatches(a, 'remedy.extra').length === 0 &&
    classMatches(a, 'refund_ref').length > 0;
  if (held) return { ...reading, void: true, refuses: true };
  if (classMatches(a, 'remedy.bargain').length > 0 || offPlatform(a)) return { ...reading, void: true };
  // A remedy named beside a sanction threatened (您非要申请仅退款 我们就把您拉黑) is the buyer's ask
  // held against them, and one left to a later contact between two kinds (主管会跟您确定是换新还是退款)
  // is not chosen yet: neither settles anything (decision 0785).
  if (threatens(a)) return reading;
  if (classMatches(a, 'remedy.deferred').length > 0) return { ...reading, pending: true };
  const consent = classMatches(a, 'remedy.consent').length > 0;
  // Conditions are weighed below (a consent, the buyer's own step, a result): here only negation
  // and reported speech rule a remedy word out.
  // A remedy named in the clause that turns it down (仅退款这边是没办法同意的) is not stated either.
  const refusedIn = new Set(asserted(a, 'remedy.refused').map((m) => clauseAt(a, m.span[0])?.index));
  const named = (cls: string) =>
    classMatches(a, cls).filter((m) => {
      const clause = clauseAt(a, m.span[0]);
      return !negationOver(a, m.span) && !(clause && (hasMark(clause, 'reported') || refusedIn.has(clause.index)));
    });
  // An amount given back (退您390元) on the goods reaching the shop (退货, 仓库签收, 收到货后) is the
  // return's money, a refund whose kind the call's return decides, not a part refund (decision 0705).
  const onReturn = classMatches(a, 'remedy.goods_back').length > 0 || onBuyerStep(a);
  const amountOnly = (m: LexiconMatch) => m.entry.startsWith('remedy.partial_refund.amount@');
  const matches = REMEDIES.flatMap((r) =>
    named(REMEDY_CLASS[r]).map((m) => ({ r: r === 'partial_refund' && onReturn && amountOnly(m) ? 'refund' : r, m })),
  );
  // Of two overlapping remedy words the kind said wins over a bare refund (给您退一半: a part
  // refund), else the longer.
  const outranks = (o: (typeof matches)[number], m: (typeof matches)[number]) =>
    (o.r === 'refund') !== (m.r === 'refund')
      ? m.r === 'refund'
      : o.m.span[1] - o.m.span[0] > m.m.span[1] - m.m.span[0];
  const said = matches.filter(
    (m) =>
      !matches.some((o) => o.m !== m.m && o.m.span[0] < m.m.span[1] && m.m.span[0] < o.m.span[1] && outranks(o, m)),
  );
  const stated: Remedy[] = [];
  const offered: Remedy[] = [];
  // Goods sent again and new goods named in one clause (补寄两片新的, "resend a new one") are one act,
  // not a choice: the new goods (a replacement; settleOn reads it as a reship for what was missing).
  const clauseOf = (m: LexiconMatch) => clauseAt(a, m.span[0])?.index;
  const newGoods = said.filter((x) => x.r === 'replacement').map((x) => clauseOf(x.m));
  for (const { r, m } of said) {
    if (r === 'reship' && newGoods.includes(clauseOf(m))) continue;
    const clause = clauseAt(a, m.span[0]);
    if (!clause) {
      stated.push(r);
      continue;
    }
    if (hasMark(clause, 'policy')) continue;
    // Money back for a fee (配送费给您退掉, "refund the $45 install fee") is no refund of the order.
    if (MONEY_BACK.includes(r) && feeClauses.has(clause.index)) continue;
    const condition = conditionAt(a, clause.index);
    const conditioned = condition === 'result' || condition === 'events';
    if (condition === 'result' && !consent) reading.pending = true;
    if (conditioned && !consent) continue;
    (conditioned || hasMark(clause, 'question') || hasMark(clause, 'offer') ? offered : stated).push(r);
  }
  const kinds = (list: Remedy[]) => {
    const unique = [...new Set(list)];
    // 仅退款…给您退款 names one refund twice: the kind said wins over the bare word.
    return unique.some((r) => REFUNDS.includes(r)) ? unique.filter((r) => r !== 'refund') : unique;
  };
  // A coupon beside another remedy is an extra to it, not a second choice.
  const main = (list: Remedy[]) => (list.some((r) => r !== 'coupon') ? list.filter((r) => r !== 'coupon') : list);
  const all = main(kinds([...stated, ...offered]));
  const choice =
    classMatches(a, 'promise.choice_question').length > 0 ||
    classMatches(a, 'remedy.choice').length > 0 ||
    all.length > 1;
  if (choice || main(kinds(offered)).length > 0) return { ...reading, offered: all, choice };
  const settled = all[0] ?? null;
  return { ...reading, settled, done: settled !== null && asserted(a, 'remedy.done').length > 0 };
}

/**
 * How the conditions said up to clause `at` bind what follows it. "If the tracking hasn't moved by
 * tomorrow, I'll reship it": `events` bind it. A condition that is only the buyer's own step or the
 * goods reaching the shop (您申请换货 我们收到后…, "once it's back with us") is `buyer_step`: what
 * follows is settled. One on a result not yet known (检测是质量问题的话, "if the inspection
 * confirms it") is `result`: what follows waits. `none` when no condition was said.
 */
export function conditionAt(a: LineAnalysis, at: number): 'none' | 'buyer_step' | 'result' | 'events' {
  const conditions = a.clauses.filter((c) => c.index <= at && hasMark(c, 'condition'));
  if (conditions.length === 0) return 'none';
  if (conditions.some((c) => classMatches(c, 'remedy.pending_result').length > 0)) return 'result';
  return conditions.every((c) => classMatches(c, 'remedy.buyer_step').length > 0) ? 'buyer_step' : 'events';
}
