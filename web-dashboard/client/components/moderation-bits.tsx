import { useLabel, useT, When } from '../i18n.js';
import type { DecisionState, Penalty, PenaltyState, Step } from '../types.js';

/** "扣 2 分 · 90 天" / "2 penalty points · 90 days": a penalty as a person reads it, as words. */
export function useStepWords(): (step: Step) => string {
  const t = useT();
  const label = useLabel();
  return (step) =>
    [
      // A points penalty is named by its points, not "扣分 · 2 分".
      step.kind === 'points' ? t('deductPoints', { count: step.points }) : label('penaltyKind', step.kind),
      ...(step.kind !== 'points' && step.points > 0 ? [t('nPoints', { count: step.points })] : []),
      ...(step.kind !== 'warning' ? [step.durationDays ? t('days', { count: step.durationDays }) : t('forever')] : []),
    ].join(' · ');
}

export function StepText({ step }: { step: Step }) {
  return <>{useStepWords()(step)}</>;
}

/**
 * A bracketed aside ("（处罚阶梯第 2 级）") whose parts each stay whole with their brackets and
 * separators: it breaks between parts, never inside one.
 */
export function Aside({ parts }: { parts: string[] }) {
  const t = useT();
  const [open, close] = t('inParens', { x: '\u0001' }).split('\u0001');
  return (
    <span className="muted small" data-testid="aside">
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of phrases, never reordered
        <span key={i} className="aside-part">
          {i === 0 && open}
          {part}
          {i < parts.length - 1 ? t('listSep') : close}
        </span>
      ))}
    </span>
  );
}

const days = (p: Penalty) =>
  p.endsAt ? Math.round((new Date(p.endsAt).getTime() - new Date(p.startsAt).getTime()) / 86_400_000) : null;

/** A stored penalty: what it is, when it runs, and its state now. */
export function PenaltyLine({ p }: { p: Penalty }) {
  const t = useT();
  return (
    <span className="penalty-line" data-testid="penalty" data-state={p.state}>
      <StepText step={{ kind: p.kind, points: p.points, durationDays: days(p) }} />
      {' · '}
      <When at={p.startsAt} day />
      {p.endsAt && (
        <>
          {' – '}
          <When at={p.endsAt} day />
        </>
      )}{' '}
      <PenaltyStateBadge state={p.state} />
      {p.ladderStep !== null && p.ladderStep !== undefined && (
        <Aside parts={[t('ladderStep', { n: p.ladderStep + 1 })]} />
      )}
    </span>
  );
}

export function PenaltyStateBadge({ state }: { state: PenaltyState }) {
  const label = useLabel();
  return <span className={state === 'in_force' ? 'badge bad' : 'badge'}>{label('penaltyState', state)}</span>;
}

export function DecisionStateBadge({ state }: { state: DecisionState }) {
  const label = useLabel();
  const tone =
    state === 'dismissed' || state === 'overturned'
      ? 'badge ok'
      : state === 'upheld' || state === 'appeal_rejected'
        ? 'badge bad'
        : 'badge';
  return (
    <span className={tone} data-testid="decision-state" data-state={state}>
      {label('decisionState', state)}
    </span>
  );
}

/** The words said, with the flagged span marked inside the whole line when the line is known. */
export function Evidence({
  line,
  span,
  words,
  playing,
}: {
  line?: string;
  span: [number, number];
  words: string;
  /** The words are being heard right now (a clip player is inside them). */
  playing?: boolean;
}) {
  const cls = playing ? 'now' : undefined;
  if (!line || line.slice(span[0], span[1]) !== words)
    return (
      <mark className={cls} translate="no">
        {words}
      </mark>
    );
  return (
    <span className="evidence" translate="no">
      {line.slice(0, span[0])}
      <mark className={cls}>{line.slice(span[0], span[1])}</mark>
      {line.slice(span[1])}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const label = useLabel();
  return <span className={`badge sev-${severity}`}>{label('severity', severity)}</span>;
}
