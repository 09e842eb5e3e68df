/**
 * Where a veto would act (decision 0830): every blind-time engine flag of a gate's categories on a
 * line naming the gate's datum, with the held-out score of the category's model (each set scored by
 * a model trained on every other development set, as `loso.ts --flat`), and per veto threshold of
 * VETO_GRID the false flags it would remove and the true ones it would lose, per fold, with the
 * calls it would leave without a false flag. Read-only: it chooses nothing.
 *
 *   npx tsx eval/learn/veto-scan.ts [--spec FILE] [--gates refund,claim] [--list] [--max P]
 *
 * Every gate is scanned as if it allowed a veto (`veto: true`), whatever the spec says.
 */
import {
  callKey,
  featuredSets,
  readSpec,
  type Scored,
  scoreTrained,
  specCategories,
  VETO_GRID,
  withGates,
} from './common.js';
import { DEV_SETS } from './dataset.js';
import { blindEngine, engineFlags } from './engine.js';
import { hasDatum } from '../../pipelines/learn/gate.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const spec = withGates(readSpec(arg('--spec')), arg('--gates')?.split(','));
const max = Number(arg('--max') ?? 0.3);
const sets = featuredSets(DEV_SETS, spec);
const all = DEV_SETS.flatMap((s) => sets.calls.get(s)!);
const engine = await engineFlags(all);
for (const [k, v] of blindEngine()) engine.set(k, v);
const held = DEV_SETS.filter((s) => s.startsWith('blind-'));

interface Row {
  s: Scored;
  right: boolean;
  /** The call's other false flags (any category) the veto would leave. */
  otherFalse: number;
}
const rows: Row[] = [];
for (const gate of Object.values(spec.gates))
  for (const set of held)
    for (const c of gate.categories) {
      const scored = scoreTrained(
        sets,
        DEV_SETS.filter((s) => s !== set),
        set,
        c,
        spec,
      );
      for (const s of scored) {
        const e = engine.get(callKey(s.call))!;
        if (!e.has(`${c}@${s.line}`) || !hasDatum(s.call.lines[s.line]!.text, gate)) continue;
        const falseKeys = [...e].filter((k) => {
          if (k.startsWith('veto:')) return false;
          const [cat, at] = k.split('@');
          return !s.call.labels[Number(at)]?.has(cat!);
        });
        rows.push({
          s,
          right: s.call.labels[s.line]!.has(c),
          otherFalse: falseKeys.filter((k) => k !== `${c}@${s.line}`).length,
        });
      }
    }

const categories = specCategories(spec);
for (const c of categories) {
  const mine = rows.filter((r) => r.s.category === c);
  console.log(
    `\n## ${c}: ${mine.length} engine flags on a datum line (${mine.filter((r) => !r.right).length} false, ${mine.filter((r) => r.right).length} true)`,
  );
  console.log(
    `| veto below | removed false / lost true | calls cleared | worst fold (lost true) | per fold false/true |`,
  );
  console.log('|---|---|---|---|---|');
  for (const v of VETO_GRID.filter((x) => x <= max)) {
    const hit = mine.filter((r) => r.s.p < v);
    const per = held
      .map((set) => {
        const h = hit.filter((r) => r.s.call.set === set);
        return h.length ? `${set.slice(6)} ${h.filter((r) => !r.right).length}/${h.filter((r) => r.right).length}` : '';
      })
      .filter(Boolean)
      .join(', ');
    const lost = hit.filter((r) => r.right);
    const worst = held
      .map((set) => [set, lost.filter((r) => r.s.call.set === set).length] as const)
      .sort((a, b) => b[1] - a[1])[0]!;
    const cleared = new Set(hit.filter((r) => !r.right && r.otherFalse === 0).map((r) => callKey(r.s.call))).size;
    console.log(
      `| ${v} | ${hit.length - lost.length} / ${lost.length} | ${cleared} | ${worst[1] ? `${worst[0]} ${worst[1]}` : '–'} | ${per} |`,
    );
  }
  if (args.includes('--list'))
    for (const r of mine.filter((x) => x.s.p < max).sort((a, b) => a.s.p - b.s.p))
      console.log(
        `  ${r.right ? 'TRUE ' : 'false'} p=${r.s.p.toFixed(3)} ${r.s.call.set}/${r.s.call.name}@${r.s.line}${r.otherFalse ? ` (+${r.otherFalse} other false)` : ''}: ${r.s.call.lines[r.s.line]!.text.slice(0, 110)}`,
      );
}
