/**
 * How an expected promise is matched to a recorded one, shared by the scorer (score.ts) and the
 * promise leave-one-set-out (eval/learn/promise-loso.ts): same speaker and action, the nearest
 * line first, each recorded promise used once, expected promises taken in order.
 */
export interface PromiseAt {
  speaker: string;
  action: string;
  utterance?: number;
}

export function matchPromises<E extends PromiseAt, G extends PromiseAt & { utterance: number }>(
  expected: readonly E[],
  got: readonly G[],
): { matched: [E, G | undefined][]; extra: G[] } {
  const left = [...got];
  const matched = expected.map((e): [E, G | undefined] => {
    const g = left
      .filter((x) => x.speaker === e.speaker && x.action === e.action)
      .sort((a, b) => Math.abs(a.utterance - (e.utterance ?? 0)) - Math.abs(b.utterance - (e.utterance ?? 0)))[0];
    if (g) left.splice(left.indexOf(g), 1);
    return [e, g];
  });
  return { matched, extra: left };
}
