/**
 * A reading that depends on nothing but a text, computed once per text however many engines (or
 * lines of a call) ask: amounts, digit runs and cues, a clause's time phrases. The same line is read
 * by notes, compliance and advice, and a call repeats its lines ("好的", "稍等"); each engine used to
 * work its reading out again (decision 0320). Bounded: the oldest text is forgotten first, as the
 * language layer's own cache does. What `read` returns is shared, so callers must not mutate it.
 */
export function memoByText<T>(read: (text: string) => T, size = 2048): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    const hit = kept.get(text);
    if (hit !== undefined || kept.has(text)) return hit as T;
    const value = read(text);
    kept.set(text, value);
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    return value;
  };
}
