/**
 * Leave-one-set-out: for each development set S, train the line classifier on all the others,
 * choose each gate's threshold on the others' held-out scores (an inner leave-one-set-out), and
 * score S's flags with (a) the engine alone and (b) engine ∪ classifier. Nothing is tuned on S.
 *
 *   npx tsx eval/learn/loso.ts [--gate none|datum|datum+block] [--all-gates] [--engine today|blind]
 *                              [--gates pcp,refund,claim,review] [--threshold T] [--why] [--list]
 *                              [--judge loso|newest|unseen] [--held SET,SET] [--spec FILE]
 *                              [--veto-threshold V] [--no-veto] [--rule plateau|calls|worst|…] [--flat]
 *
 * --flat (decision 0765): each fold's threshold and veto are chosen on the other sets' single-level
 * held-out scores (each scored by a model trained on every set but itself, the held-out one included)
 * instead of an inner leave-one-set-out: one model per set and category instead of ~15 per fold, the
 * figures 0690's all-fold table used (0625 found the two choices within one grid step of each other).
 *
 * The veto (decision 0575): for a gate with `veto` in the spec, each fold's veto threshold is chosen
 * on the other sets' held-out scores (`chooseVetoes`, or fixed by --veto-threshold) and the engine's
 * flags of the gate's categories on a line naming its datum that the held-out model scores under it
 * are removed before the layer's additions; the table says how many were false / true ("vetoed"),
 * and the last lines give each category's precision, engine → engine with veto and layer.
 * --no-veto scores the spec as if no gate had one.
 *
 * --judge (decision 0465) says how hard the held-out estimate is. loso (default): each set held out,
 * trained on all the others, some written later by the same few annotators. newest: only the three
 * newest blind sets (I, J, K; --held blind-h,blind-i,… names others) held out, one at a time, each
 * trained only on the sets written before it (the way a new blind set meets the layer). unseen: as loso, but the training lines lose every
 * word feature (character 2-3-grams, English words and bigrams) the held-out set says anywhere, as
 * if its writer's words were all new; classes, marks, masks and context still carry. Inner folds
 * (threshold choice) follow the same judge. --spec reads another spec file than spec.json (a variant to
 * compare). The spec's training-only sets (`trainOnly`, decision 0500) join every training run,
 * whatever the judge, and are never held out.
 *
 * --why prints, per gate, the first condition that kept each held-out true violation the engine
 * missed from being added (with --list, each line), and what dropping each condition of the gate
 * would add (right / wrong) at the same thresholds;
 * --gates keeps only the named groups of spec.json (default: all); --threshold T fixes every
 * threshold instead of choosing it on the other sets. --engine blind adds the classifier to the
 * engine of the commit at which each set was still blind (eval/learn/blind-engine/, see
 * blind-engine.sh); today's engine was fixed against every development set, so on them it is a
 * training figure. analyze and analyze-b have no blind engine: they keep today's flags (as
 * training data and in threshold choice) and get no held-out row.
 */
import {
  additions,
  CHOICE_RULE,
  CHOICE_RULES,
  type ChoiceRule,
  chooseThresholds,
  chooseVetoes,
  type Figures,
  figures,
  fixedThresholds,
  GATE_MODES,
  type GateMode,
  featuredSets,
  precisionOf,
  readSpec,
  recallOf,
  type Scored,
  scoreTrained,
  type Thresholds,
  vetoed,
  whyNot,
  specCategories,
  withGates,
  withVetoes,
} from './common.js';
import { DEV_SETS } from './dataset.js';
import { blindEngine, engineFlags } from './engine.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const modes: GateMode[] = args.includes('--all-gates') ? GATE_MODES : [(arg('--gate') ?? 'datum+block') as GateMode];
if (modes.some((m) => !GATE_MODES.includes(m))) throw new Error(`--gate must be one of ${GATE_MODES.join(', ')}`);

const read = withGates(readSpec(arg('--spec')), arg('--gates')?.split(','));
const spec = args.includes('--no-veto')
  ? { ...read, gates: Object.fromEntries(Object.entries(read.gates).map(([n, g]) => [n, { ...g, veto: false }])) }
  : read;
const rule = (arg('--rule') ?? CHOICE_RULE) as ChoiceRule;
if (!CHOICE_RULES.includes(rule)) throw new Error(`--rule must be one of ${CHOICE_RULES.join(', ')}`);
const vetoFixed = arg('--veto-threshold') === undefined ? undefined : Number(arg('--veto-threshold'));
const categories = specCategories(spec);
const sets = featuredSets(DEV_SETS, spec);
const all = DEV_SETS.flatMap((s) => sets.calls.get(s)!);
const fixed = arg('--threshold') === undefined ? undefined : Number(arg('--threshold'));
const engineMode = arg('--engine') ?? 'today';
const engine = await engineFlags(all);
if (engineMode === 'blind') for (const [k, v] of blindEngine()) engine.set(k, v);
const judge = arg('--judge') ?? 'loso';
if (!['loso', 'newest', 'unseen'].includes(judge)) throw new Error('--judge must be loso, newest or unseen');
const blindHeld = engineMode === 'blind' ? DEV_SETS.filter((s) => s.startsWith('blind-')) : [...DEV_SETS];
const heldSets = arg('--held')?.split(',') ?? (judge === 'newest' ? blindHeld.slice(-3) : blindHeld);
for (const h of heldSets) if (!blindHeld.includes(h as never)) throw new Error(`--held: ${h} has no held-out row`);
/** The sets a model for held-out `held` is trained on: all others, or (newest) those written before it. */
const trainedFor = (held: string): string[] =>
  judge === 'newest' ? DEV_SETS.slice(0, DEV_SETS.indexOf(held as never)) : DEV_SETS.filter((s) => s !== held);

/** Scores of `target` by a model per category trained on `trainSets` (memoised: folds repeat). */
const memo = new Map<string, Scored[]>();
function scoredBy(trainSets: readonly string[], target: string): Scored[] {
  const key = `${trainSets.join()}>${target}`;
  if (!memo.has(key))
    memo.set(
      key,
      categories.flatMap((c) => scoreTrained(sets, trainSets, target, c, spec, judge === 'unseen')),
    );
  return memo.get(key)!;
}
/** Held-out scores of `sets`, each scored by a model trained on the rest of `sets`. */
const flat = args.includes('--flat');
const heldOutScores = (sets: readonly string[]) =>
  sets.flatMap((held) =>
    scoredBy(
      (flat ? DEV_SETS : sets).filter((s) => s !== held),
      held,
    ),
  );

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
const frac = ({ tp, n }: { tp: number; n: number }) => `${tp}/${n}`;
const sum = (fs: Figures[]): Figures =>
  fs.reduce((a, b) => {
    const byCategory: Figures['byCategory'] = {};
    for (const f of [a, b])
      for (const [c, x] of Object.entries(f.byCategory)) {
        const y = (byCategory[c] ??= { tp: 0, n: 0, fp: 0 });
        y.tp += x.tp;
        y.n += x.n;
        y.fp += x.fp;
      }
    return {
      tp: a.tp + b.tp,
      fp: a.fp + b.fp,
      fn: a.fn + b.fn,
      byCategory,
      callsWithFalseFlag: a.callsWithFalseFlag + b.callsWithFalseFlag,
      falseIn: [...a.falseIn, ...b.falseIn],
      calls: a.calls + b.calls,
    };
  });
/** A gate's precision and calls with a false flag of its categories, engine → ∪. */
function precision(a: Figures, b: Figures, categories: readonly string[]): string {
  const [pa, pb] = [precisionOf(a, categories), precisionOf(b, categories)];
  return `${pct(pa.tp, pa.tp + pa.fp)} → ${pct(pb.tp, pb.tp + pb.fp)}, ${pa.calls} → ${pb.calls}`;
}
const groups = Object.entries(spec.gates);
const right = (xs: readonly Scored[]) => xs.filter((x) => x.call.labels[x.line]!.has(x.category)).length;

const mode0 = modes[0]!;
for (const mode of modes) {
  console.log(`\n### gate: ${mode}, judge: ${judge}\n`);
  console.log(
    `| held-out set | thresholds (${groups.map(([g]) => g).join(' / ')}) | veto below | vetoed false / true | engine P / R | ∪ P / R | calls w/ false flag | ${groups
      .map(([g]) => `${g}: engine → ∪ R, added right / wrong, P, calls w/ false ${g} flag`)
      .join(' | ')} |`,
  );
  console.log(`|---|---|---|---|---|---|---|${groups.map(() => '---|').join('')}`);
  const before: Figures[] = [];
  const after: Figures[] = [];
  const addedAll: Scored[] = [];
  const goneAll: Scored[] = [];
  const whyRows: { scored: Scored[]; t: Thresholds }[] = [];
  for (const held of heldSets) {
    const others = trainedFor(held);
    const t =
      fixed === undefined
        ? chooseThresholds(heldOutScores(others), engine, spec.gates, mode, rule)
        : fixedThresholds(spec.gates, fixed);
    const v =
      vetoFixed === undefined
        ? chooseVetoes(heldOutScores(others), engine, spec.gates, rule)
        : Object.fromEntries(
            Object.values(spec.gates).flatMap((g) => (g.veto ? g.categories.map((c) => [c, vetoFixed]) : [])),
          );
    const target = sets.calls.get(held)!;
    const gone = vetoed(scoredBy(others, held), engine, v, spec.gates);
    const kept = withVetoes(engine, gone);
    goneAll.push(...gone);
    const added = additions(scoredBy(others, held), kept, t, spec.gates, mode);
    whyRows.push({ scored: scoredBy(others, held), t });
    const a = figures(target, engine);
    const b = figures(target, kept, added);
    before.push(a);
    after.push(b);
    addedAll.push(...added);
    const cells = groups.map(([, g]) => {
      const mine = added.filter((x) => g.categories.includes(x.category));
      return `${frac(recallOf(a, g.categories))} → ${frac(recallOf(b, g.categories))}, ${right(mine)} / ${mine.length - right(mine)}, ${precision(a, b, g.categories)}`;
    });
    console.log(
      `| ${held} | ${groups.map(([, g]) => t[g.categories[0]!]).join(' / ')} | ${groups.map(([, g]) => v[g.categories[0]!] ?? '–').join(' / ')} | ${gone.length - right(gone)} / ${right(gone)} | ${pct(a.tp, a.tp + a.fp)} / ${pct(a.tp, a.tp + a.fn)} | ${pct(b.tp, b.tp + b.fp)} / ${pct(b.tp, b.tp + b.fn)} | ${a.callsWithFalseFlag} → ${b.callsWithFalseFlag} of ${a.calls} | ${cells.join(' | ')} |`,
    );
  }
  const [a, b] = [sum(before), sum(after)];
  const cells = groups.map(([, g]) => {
    const mine = addedAll.filter((x) => g.categories.includes(x.category));
    const [ra, rb] = [recallOf(a, g.categories), recallOf(b, g.categories)];
    return `${frac(ra)} (${pct(ra.tp, ra.n)}) → ${frac(rb)} (${pct(rb.tp, rb.n)}), ${right(mine)} / ${mine.length - right(mine)}, ${precision(a, b, g.categories)}`;
  });
  console.log(
    `| **all** | | | ${goneAll.length - right(goneAll)} / ${right(goneAll)} | ${pct(a.tp, a.tp + a.fp)} / ${pct(a.tp, a.tp + a.fn)} | ${pct(b.tp, b.tp + b.fp)} / ${pct(b.tp, b.tp + b.fn)} | ${a.callsWithFalseFlag} → ${b.callsWithFalseFlag} of ${a.calls} | ${cells.join(' | ')} |`,
  );
  console.log('\nPer category, flag precision (right / raised) engine → engine with veto and layer:');
  for (const c of Object.keys({ ...a.byCategory, ...b.byCategory }).sort()) {
    const [x, y] = [a.byCategory[c] ?? { tp: 0, fp: 0 }, b.byCategory[c] ?? { tp: 0, fp: 0 }];
    console.log(
      `  ${c}: ${x.tp}/${x.tp + x.fp} (${pct(x.tp, x.tp + x.fp)}) → ${y.tp}/${y.tp + y.fp} (${pct(y.tp, y.tp + y.fp)})`,
    );
  }
  if (args.includes('--why')) why(whyRows);
  if (args.includes('--list'))
    for (const x of goneAll)
      console.log(
        `vetoed ${x.call.labels[x.line]!.has(x.category) ? 'TRUE' : 'false'} ${x.category} ${x.call.set}/${x.call.name}@${x.line} p=${x.p.toFixed(3)}`,
      );
  if (args.includes('--list'))
    for (const x of addedAll)
      console.log(
        `${x.call.labels[x.line]!.has(x.category) ? 'right' : 'WRONG'} ${x.category} ${x.call.set}/${x.call.name}@${x.line} p=${x.p.toFixed(2)}`,
      );
}

/**
 * --why: per gate, which condition kept each held-out true violation the engine missed from being
 * added (at the fold's thresholds), and what dropping one condition of the gate would add, right /
 * wrong, at the same thresholds.
 */
function why(rows: readonly { scored: Scored[]; t: Thresholds }[]): void {
  for (const [name, gate] of groups) {
    const reasons = new Map<string, number>();
    for (const { scored, t } of rows)
      for (const s of scored) {
        if (!gate.categories.includes(s.category) || !s.call.labels[s.line]!.has(s.category)) continue;
        const r = whyNot(s, engine, t, spec.gates);
        if (r === 'engine' || r === 'added') continue;
        reasons.set(r, (reasons.get(r) ?? 0) + 1);
        if (args.includes('--list'))
          console.log(
            `missed ${s.category} ${s.call.set}/${s.call.name}@${s.line} p=${s.p.toFixed(2)} [${r}] ${s.call.lines[s.line - 1]?.speaker ?? ''}: ${s.call.lines[s.line - 1]?.text ?? ''} || ${s.call.lines[s.line]!.text}`,
          );
      }
    console.log(
      `\n${name}: held-out true violations neither the engine nor the layer flagged, by the first condition that stopped them`,
    );
    for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${r}: ${n}`);
    const drops: [string, typeof gate][] = [
      ['datum', { ...gate, datum: [] }],
      ...gate.block.map(
        (b) => [`block ${b}`, { ...gate, block: gate.block.filter((x) => x !== b) }] as [string, typeof gate],
      ),
      ...gate.blockLine.map(
        (b) =>
          [`blockLine ${b}`, { ...gate, blockLine: gate.blockLine.filter((x) => x !== b) }] as [string, typeof gate],
      ),
    ];
    for (const [label, g] of drops) {
      let [r, w] = [0, 0];
      for (const { scored, t } of rows) {
        const mine = scored.filter((x) => gate.categories.includes(x.category));
        const base = new Set(additions(mine, engine, t, spec.gates, mode0));
        const relaxed = additions(mine, engine, t, { ...spec.gates, [name]: g }, label === 'datum' ? 'none' : mode0);
        for (const a of relaxed)
          if (![...base].some((b) => b.call === a.call && b.line === a.line && b.category === a.category)) {
            if (a.call.labels[a.line]!.has(a.category)) r++;
            else w++;
          }
      }
      console.log(`  without ${label}: +${r} right / +${w} wrong`);
    }
  }
}
