import { useId, useState } from 'react';
import type { Utterance } from '../../../core/events.js';
import { formatTime, useT } from '../i18n.js';

/** Lines a phone shows of a folded transcript: the first ones of a stored call, the latest of a live one. */
const PREVIEW = 3;

export interface Highlight {
  utterance: number;
  span: [number, number];
  label: string;
}

/**
 * The call as said, speaker and time on each line; flagged spans are marked, not just coloured.
 * `foldable`: on a phone (below 900 px, where the panels come after it) a long transcript starts
 * folded to its first lines (its latest, live) with a button to show it all, so a long call does
 * not push the notes, refund options and replies off the screen; from 900 px it is always whole.
 */
export function Transcript({
  utterances,
  highlights = [],
  live = false,
  foldable = false,
}: {
  utterances: Utterance[];
  highlights?: Highlight[];
  live?: boolean;
  foldable?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const folds = foldable && utterances.length > PREVIEW + 1;
  const shown = (i: number) => (live ? i >= utterances.length - PREVIEW : i < PREVIEW);
  return (
    <>
      <ol
        id={id}
        className={folds && !open ? 'transcript folded' : 'transcript'}
        aria-live={live ? 'polite' : undefined}
        aria-label={t('transcript')}
      >
        {utterances.map((u, i) => (
          <li
            key={u.index}
            className={`line ${u.speaker}${folds && !open && !shown(i) ? ' folded-away' : ''}`}
            data-index={u.index}
          >
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
      {folds && (
        <button
          type="button"
          className="transcript-toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? t('transcriptFold') : t('transcriptShowAll', { count: utterances.length })}
        </button>
      )}
    </>
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
