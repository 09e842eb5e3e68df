/**
 * Which data patterns can match a line at all, found in one pass over it: the literals every
 * match of a pattern starts with (a lexicon entry's terms, a RegExp's leading literals, see
 * required-literals.ts) in one Aho–Corasick automaton. Matching still runs each candidate's own
 * RegExp (boundaries, alignment, vetoes are unchanged); the gate only skips patterns none of
 * whose literals occurs in the line, which is most of them on most lines. A pattern whose
 * literals cannot be told is always a candidate.
 */

/**
 * The form both terms and lines are compared in: lower case (entries match with the `i` flag; NFKC,
 * applied before, has already folded ſ and K, the non-ASCII letters that fold to ASCII) and every
 * whitespace run as one space (terms match inner spaces as `\s+`).
 */
export function gateForm(text: string): string {
  const lower = text.toLowerCase();
  // Most lines have no whitespace run to fold (single spaces, or none): no replace, no new string.
  return FOLDS.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

/** A whitespace character other than a space, or two in a row: what the fold would change. */
const FOLDS = /[^\S ]|\s\s/;

/**
 * A built gate's arrays, as `LiteralGate.parts()` gives them and `LiteralGate.fromParts` takes them
 * back: what the lexicon's start-up cache stores (lexicon-cache.ts) instead of building the
 * automaton again.
 */
export interface GateParts {
  /** How many patterns the gate answers for. */
  count: number;
  always: Int32Array;
  root: Int32Array;
  first: Int32Array;
  units: Uint16Array;
  targets: Int32Array;
  failOf: Int32Array;
  outFirst: Int32Array;
  outs: Int32Array;
}

export class LiteralGate {
  private readonly count: number;
  private readonly always: number[] = [];
  /**
   * The automaton as scanned: the root's transitions as a table by UTF-16 unit (0: stay at the
   * root, which is also where a missing root transition goes); every other state's transitions
   * from `first[s]` to `first[s + 1]` in `units`/`targets`; its entries (its
   * failure states' included) from `outFirst[s]` to `outFirst[s + 1]` in `outs`. Typed arrays
   * instead of a Map per state: each character of a line costs a table read or a short scan.
   */
  private readonly root: Int32Array;
  private readonly first: Int32Array;
  private readonly units: Uint16Array;
  private readonly targets: Int32Array;
  private readonly failOf: Int32Array;
  private readonly outFirst: Int32Array;
  private readonly outs: Int32Array;

  /**
   * `literals[i]` are what every match of pattern i starts with, or null when it must always run.
   * With `parts` (from `parts()` of a gate built from the same literals), the automaton is taken
   * as it is and `literals` is not read.
   */
  constructor(literals: readonly (readonly string[] | null)[], parts?: GateParts) {
    if (parts !== undefined) {
      this.count = parts.count;
      this.always = Array.from(parts.always);
      this.root = parts.root;
      this.first = parts.first;
      this.units = parts.units;
      this.targets = parts.targets;
      this.failOf = parts.failOf;
      this.outFirst = parts.outFirst;
      this.outs = parts.outs;
      return;
    }
    this.count = literals.length;
    this.root = new Int32Array(0x10000);
    // The trie is built in flat arrays and one table of all its edges, not a Map per state: the
    // lexicon's ~150,000 states as Maps took ~70 MB of heap at start-up, which the process kept
    // as resident memory after they were freed.
    const forms = literals.map((terms) => terms?.map(gateForm) ?? null);
    const edge = new EdgeTable();
    const parent = [0];
    const unitIn = [0];
    const own: (number[] | undefined)[] = [undefined];
    forms.forEach((terms, entry) => {
      if (terms === null) {
        this.always.push(entry);
        return;
      }
      for (const form of terms) {
        let state = 0;
        for (let i = 0; i < form.length; i++) {
          const c = form.charCodeAt(i);
          let to = edge.get(state, c);
          if (to < 0) {
            to = parent.push(state) - 1;
            unitIn.push(c);
            own.push(undefined);
            edge.set(state, c, to);
          }
          state = to;
        }
        (own[state] ??= []).push(entry);
      }
    });
    const states = parent.length;
    // Each state's transitions as one run: count the children of every state, then place them.
    this.first = new Int32Array(states + 1);
    for (let s = 1; s < states; s++) this.first[parent[s]! + 1]!++;
    for (let s = 0; s < states; s++) this.first[s + 1]! += this.first[s]!;
    this.units = new Uint16Array(states - 1);
    this.targets = new Int32Array(states - 1);
    const filled = this.first.slice(0, states);
    for (let s = 1; s < states; s++) {
      const k = filled[parent[s]!]!++;
      this.units[k] = unitIn[s]!;
      this.targets[k] = s;
      if (parent[s] === 0) this.root[unitIn[s]!] = s;
    }
    // Breadth-first failure links (a state's failure state is shallower, so it is linked first).
    this.failOf = new Int32Array(states);
    const order = new Int32Array(states);
    let tail = 0;
    for (let k = this.first[0]!; k < this.first[1]!; k++) order[tail++] = this.targets[k]!;
    for (let q = 0; q < tail; q++) {
      const state = order[q]!;
      for (let k = this.first[state]!; k < this.first[state + 1]!; k++) {
        const c = this.units[k]!;
        const to = this.targets[k]!;
        let f = this.failOf[state]!;
        while (f !== 0 && edge.get(f, c) < 0) f = this.failOf[f]!;
        const target = edge.get(f, c);
        this.failOf[to] = target >= 0 && target !== to ? target : 0;
        order[tail++] = to;
      }
    }
    // Each state's entries: its own, then its failure state's (already complete: shallower).
    this.outFirst = new Int32Array(states + 1);
    const count = new Int32Array(states);
    count[0] = own[0]?.length ?? 0;
    for (let q = 0; q < tail; q++) {
      const s = order[q]!;
      count[s] = (own[s]?.length ?? 0) + count[this.failOf[s]!]!;
    }
    for (let s = 0; s < states; s++) this.outFirst[s + 1] = this.outFirst[s]! + count[s]!;
    this.outs = new Int32Array(this.outFirst[states]!);
    this.outs.set(own[0] ?? [], 0);
    for (let q = 0; q < tail; q++) {
      const s = order[q]!;
      let k = this.outFirst[s]!;
      for (const entry of own[s] ?? []) this.outs[k++] = entry;
      this.outs.copyWithin(k, this.outFirst[this.failOf[s]!]!, this.outFirst[this.failOf[s]! + 1]!);
    }
  }

  /** A built gate: a gate built again from these arrays (`fromParts`) answers as this one does. */
  parts(): GateParts {
    const { count, root, first, units, targets, failOf, outFirst, outs } = this;
    return { count, always: Int32Array.from(this.always), root, first, units, targets, failOf, outFirst, outs };
  }

  /** The gate whose `parts()` these are. */
  static fromParts(parts: GateParts): LiteralGate {
    return new LiteralGate([], parts);
  }

  /** The state `state` goes to on unit `c`, or -1 when it has none (not the root: most have one). */
  private step(state: number, c: number): number {
    const end = this.first[state + 1]!;
    for (let k = this.first[state]!; k < end; k++) if (this.units[k] === c) return this.targets[k]!;
    return -1;
  }

  /** For each entry, whether it may match `text` (already in `gateForm`). */
  candidates(text: string): Uint8Array {
    const may = new Uint8Array(this.count);
    for (const entry of this.always) may[entry] = 1;
    const { root, failOf, outFirst, outs } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = state === 0 ? root[c]! : this.step(state, c);
      while (to < 0) {
        state = failOf[state]!;
        to = state === 0 ? root[c]! : this.step(state, c);
      }
      state = to;
      for (let k = outFirst[state]!; k < outFirst[state + 1]!; k++) may[outs[k]!] = 1;
    }
    return may;
  }
}

/**
 * A trie's edges by (state, UTF-16 unit) while it is built: open addressing in typed arrays, at
 * most half full. It grows as edges are added rather than being sized for the terms' total length:
 * terms share prefixes (the lexicon's ~600,000 units make ~200,000 edges), and a table ten times
 * the edges it holds made each look-up of the failure links a cache miss (decision 0695).
 */
class EdgeTable {
  private mask = 0;
  private size = 0;
  private states = new Int32Array(0);
  private units = new Uint16Array(0);
  /** Target state + 1; 0 is an empty slot. */
  private targets = new Int32Array(0);

  constructor() {
    this.allocate(1 << 12);
  }

  private allocate(slots: number): void {
    this.mask = slots - 1;
    this.states = new Int32Array(slots);
    this.units = new Uint16Array(slots);
    this.targets = new Int32Array(slots);
  }

  /** Twice the slots, every edge placed again. */
  private grow(): void {
    const { states, units, targets } = this;
    this.allocate(targets.length * 2);
    for (let k = 0; k < targets.length; k++) {
      if (targets[k] === 0) continue;
      const at = this.slot(states[k]!, units[k]!);
      this.states[at] = states[k]!;
      this.units[at] = units[k]!;
      this.targets[at] = targets[k]!;
    }
  }

  private slot(state: number, c: number): number {
    let k = (Math.imul(state, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77)) & this.mask;
    while (this.targets[k] !== 0 && (this.states[k] !== state || this.units[k] !== c)) k = (k + 1) & this.mask;
    return k;
  }

  /** The target of the edge, or -1. */
  get(state: number, c: number): number {
    return this.targets[this.slot(state, c)]! - 1;
  }

  /** A new edge (`state` has none on `c` yet). */
  set(state: number, c: number, to: number): void {
    if (++this.size * 2 > this.targets.length) this.grow();
    const k = this.slot(state, c);
    this.states[k] = state;
    this.units[k] = c;
    this.targets[k] = to + 1;
  }
}
