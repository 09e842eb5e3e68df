import { useState } from 'react';
import { useT } from '../i18n.js';
import type { CaseFlag } from '../types.js';
import { Evidence } from './moderation-bits.js';

/** Context the clip carries around the flagged words (the player starts at the words themselves). */
const CONTEXT_MS = 2000;

/**
 * A flag's evidence to listen to: the clip from `GET /api/flags/:id/clip` (both speakers, or the
 * flagged speaker alone), started at the flagged words; the words are marked while they play, and
 * the speech engine's confidence in them sits beside the player.
 */
export function ClipPlayer({ flag, line }: { flag: CaseFlag; line?: string }) {
  const t = useT();
  const [alone, setAlone] = useState(false);
  const [atMs, setAtMs] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState(false);
  const start = flag.audioStartMs ?? 0;
  const end = flag.audioEndMs ?? start;
  const from = Math.max(0, start - CONTEXT_MS);
  const src =
    `/api/flags/${encodeURIComponent(flag.id)}/clip?beforeMs=${CONTEXT_MS}&afterMs=${CONTEXT_MS}` +
    (alone ? `&speaker=${flag.speakerRole}` : '');
  const playing = running && atMs !== null && atMs >= start && atMs <= end;
  const confidence = flag.sttConfidence === null ? t('sttConfidenceNone') : `${Math.round(flag.sttConfidence * 100)}%`;
  return (
    <div className="clip" data-testid="clip-player">
      <p className="clip-words" data-playing={playing}>
        <Evidence line={line} span={[flag.spanStart, flag.spanEnd]} words={flag.evidenceText} playing={playing} />
      </p>
      {!flag.hasAudio || failed ? (
        <p className="muted small">{t('noAudio')}</p>
      ) : (
        <>
          <audio
            key={src}
            controls
            preload="metadata"
            src={src}
            aria-label={t('playEvidence')}
            onLoadedMetadata={(e) => {
              e.currentTarget.currentTime = (start - from) / 1000;
            }}
            onTimeUpdate={(e) => setAtMs(from + e.currentTarget.currentTime * 1000)}
            onPlay={() => setRunning(true)}
            onPause={() => setRunning(false)}
            onEnded={() => setRunning(false)}
            onError={() => setFailed(true)}
          />
          <p className="row small clip-tools">
            <label>
              <input type="checkbox" checked={alone} onChange={(e) => setAlone(e.target.checked)} />
              {t('flaggedSpeakerOnly')}
            </label>
            <span data-testid="stt-confidence">
              {t('sttConfidence')} {confidence}
            </span>
          </p>
        </>
      )}
    </div>
  );
}
