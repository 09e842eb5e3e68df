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
  /** Per automaton state: transitions by UTF-16 unit, failure link, entries whose term ends here. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly always: number[] = [];

  /** `literals[i]` are what every match of pattern i starts with, or null when it must always run. */
  constructor(private readonly literals: readonly (readonly string[] | null)[]) {
    literals.forEach((terms, entry) => {
      if (terms === null) this.always.push(entry);
      else for (const term of terms) this.insert(gateForm(term), entry);
    });
    this.link();
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

  /** For each entry, whether it may match `text` (already in `gateForm`). */
  candidates(text: string): Uint8Array {
    const may = new Uint8Array(this.literals.length);
    for (const entry of this.always) may[entry] = 1;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.next[state]!.get(c);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next[state]!.get(c);
      }
      state = to ?? 0;
      for (const entry of this.out[state]!) may[entry] = 1;
    }
    return may;
  }
}
