/**
 * How should the promise veto's threshold be chosen (decision 0885)? Read-only: each rule variant
 * (the candidates it reads: blind-time engines', today's with the veto off, or both pooled; the grid;
 * with or without the promise tests' floor) chooses a threshold for every held-out set on the other
 * sets, and the table gives the held-out set's promise F1 with that threshold, against its blind-time
 * engine and against today's. Flat (as loso.ts --flat, decision 0765): each set is scored once by a
 * model trained on every other set, and a fold chooses on the other sets' flat scores (one model per
 * set instead of one per pair: the nested run, promise-loso.ts, takes ~2 min a fold). The first lines
 * give each variant's choice for the shipped model.
 *
 *   npx tsx eval/learn/promise-choice.ts
 */
import {
  f1,
  figures,
  others,
  PROMISE_GRID,
  type PromiseEngine,
  type Prf,
  scores,
  setsOf,
  sum,
  testFloor,
} from './promise-common.js';
const pct = (x: number) => (100 * x).toFixed(1);
const show = (x: Prf) => `${pct(x.tp / (x.tp + x.fp))} / ${pct(x.tp / (x.tp + x.fn))} / ${pct(f1(x))}`;
const r = (x: number) => Math.round(1000 * x) / 1000;
const G05 = Array.from({ length: 10 }, (_, i) => r(0.05 + i * 0.05));
const G025 = PROMISE_GRID;
const flat = (o: string) => scores(others(o), o);
type V = { name: string; on: PromiseEngine[]; grid: number[]; floor: boolean };
const variants: V[] = [
  { name: 'blind/0.05', on: ['blind'], grid: G05, floor: true },
  { name: 'today/0.05', on: ['today'], grid: G05, floor: true },
  { name: 'both/0.05', on: ['blind', 'today'], grid: G05, floor: true },
  { name: 'blind/0.025', on: ['blind'], grid: G025, floor: true },
  { name: 'today/0.025', on: ['today'], grid: G025, floor: true },
  { name: 'both/0.025', on: ['blind', 'today'], grid: G025, floor: true },
  { name: 'blind/0.05/nofloor', on: ['blind'], grid: G05, floor: false },
  { name: 'today/0.05/nofloor', on: ['today'], grid: G05, floor: false },
];
function choose(held: string | undefined, v: V): number {
  const floor = v.floor ? testFloor(others(...(held ? [held] : []))) : 1;
  const at = (t: number) =>
    f1(
      sum(
        v.on.flatMap((e) =>
          setsOf(e)
            .filter((s) => s !== held)
            .map((o) => figures(o, flat(o), t, false, e)),
        ),
      ),
    );
  let best = { t: 0, f: at(0) };
  for (const t of v.grid.filter((x) => x <= floor)) if (at(t) > best.f + 1e-9) best = { t, f: at(t) };
  return best.t;
}
for (const v of variants) console.log(`final ${v.name}: ${choose(undefined, v)}`);
for (const ev of ['blind', 'today'] as PromiseEngine[]) {
  const acc = new Map<string, Prf[]>();
  for (const held of setsOf(ev)) {
    const p = flat(held);
    const cells = variants.map((v) => {
      const t = choose(held, v);
      const f = figures(held, p, t, false, ev);
      acc.set(v.name, [...(acc.get(v.name) ?? []), f]);
      return `${t}: ${pct(f1(f))}`;
    });
    console.log(`${ev} | ${held} | ${pct(f1(figures(held, p, 0, false, ev)))} | ${cells.join(' | ')} |`);
  }
  console.log(
    `${ev} | all | | ${variants
      .map((v) => {
        const s = sum(acc.get(v.name)!);
        return `${show(s)} (${s.vetoedRight}/${s.vetoedWrong})`;
      })
      .join(' | ')} |`,
  );
}
