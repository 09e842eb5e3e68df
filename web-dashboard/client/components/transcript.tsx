import type { Utterance } from '../../../core/events.js';
import { formatTime, useT } from '../i18n.js';

export interface Highlight {
  utterance: number;
  span: [number, number];
  label: string;
}

/** The call as said, speaker and time on each line; flagged spans are marked, not just coloured. */
export function Transcript({
  utterances,
  highlights = [],
  live = false,
}: {
  utterances: Utterance[];
  highlights?: Highlight[];
  live?: boolean;
}) {
  const t = useT();
  return (
    <ol className="transcript" aria-live={live ? 'polite' : undefined} aria-label={t('transcript')}>
      {utterances.map((u) => (
        <li key={u.index} className={`line ${u.speaker}`} data-index={u.index}>
          <span className="meta">
            <span className="speaker">{t(u.speaker)}</span> <time>{formatTime(u.startMs)}</time>
          </span>
          <span className="text" translate="no">
            {marked(
              u.text,
              highlights.filter((h) => h.utterance === u.index),
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

function marked(text: string, hs: Highlight[]) {
  const sorted = [...hs].sort((a, b) => a.span[0] - b.span[0]);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, h] of sorted.entries()) {
    if (h.span[0] < at) continue;
    parts.push(text.slice(at, h.span[0]));
    parts.push(
      <mark key={i} title={h.label}>
        {text.slice(h.span[0], h.span[1])}
        <span className="sr-only"> ({h.label})</span>
      </mark>,
    );
    at = h.span[1];
  }
  parts.push(text.slice(at));
  return parts;
}
