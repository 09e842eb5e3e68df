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
  return text.toLowerCase().replace(/\s+/g, ' ');
}

export class LiteralGate {
  /** While building, per state: transitions by UTF-16 unit, failure link, entries whose term ends here. */
  private next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private out: number[][] = [[]];
  private readonly always: number[] = [];
  /**
   * The automaton as scanned: the root's transitions as a table by UTF-16 unit (0: stay at the
   * root, which is also where a missing root transition goes); every other state's transitions
   * from `first[s]` to `first[s + 1]` in `units`/`targets`; its entries (its
   * failure states' included) from `outFirst[s]` to `outFirst[s + 1]` in `outs`. Typed arrays
   * instead of a Map per state: each character of a line costs a table read or a short scan.
   */
  private readonly root = new Int32Array(0x10000);
  private readonly first: Int32Array;
  private readonly units: Uint16Array;
  private readonly targets: Int32Array;
  private readonly failOf: Int32Array;
  private readonly outFirst: Int32Array;
  private readonly outs: Int32Array;

  /** `literals[i]` are what every match of pattern i starts with, or null when it must always run. */
  constructor(private readonly literals: readonly (readonly string[] | null)[]) {
    literals.forEach((terms, entry) => {
      if (terms === null) this.always.push(entry);
      else for (const term of terms) this.insert(gateForm(term), entry);
    });
    this.link();
    const states = this.next.length;
    this.first = new Int32Array(states + 1);
    this.outFirst = new Int32Array(states + 1);
    let edges = 0;
    let outputs = 0;
    for (let s = 0; s < states; s++) {
      this.first[s] = edges;
      this.outFirst[s] = outputs;
      edges += this.next[s]!.size;
      outputs += this.out[s]!.length;
    }
    this.first[states] = edges;
    this.outFirst[states] = outputs;
    this.units = new Uint16Array(edges);
    this.targets = new Int32Array(edges);
    this.outs = new Int32Array(outputs);
    for (let s = 0; s < states; s++) {
      let k = this.first[s]!;
      for (const [c, to] of this.next[s]!) {
        this.units[k] = c;
        this.targets[k++] = to;
        if (s === 0) this.root[c] = to;
      }
      this.outs.set(this.out[s]!, this.outFirst[s]!);
    }
    this.failOf = Int32Array.from(this.fail);
    // Only the compact form is kept.
    this.next = [];
    this.out = [];
  }

  private insert(term: string, entry: number): void {
    let state = 0;
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      let to = this.next[state]!.get(c);
      if (to === undefined) {
        to = this.next.push(new Map()) - 1;
        this.fail.push(0);
        this.out.push([]);
        this.next[state]!.set(c, to);
      }
      state = to;
    }
    this.out[state]!.push(entry);
  }

  /** Breadth-first failure links; each state's output takes its failure state's. */
  private link(): void {
    const queue = [...this.next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const [c, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[this.fail[to]!]!);
        queue.push(to);
      }
    }
  }

  /** The state `state` goes to on unit `c`, or -1 when it has none (not the root: most have one). */
  private step(state: number, c: number): number {
    const end = this.first[state + 1]!;
    for (let k = this.first[state]!; k < end; k++) if (this.units[k] === c) return this.targets[k]!;
    return -1;
  }

  /** For each entry, whether it may match `text` (already in `gateForm`). */
  candidates(text: string): Uint8Array {
    const may = new Uint8Array(this.literals.length);
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
