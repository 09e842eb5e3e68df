import { useEffect, useState } from 'react';
import type { CallView } from '../../shared/call-view.js';
import { post } from '../api.js';
import { BuyerName } from '../components/buyer.js';
import { DecisionForm } from '../components/decision-form.js';
import { MerchantContext } from '../components/merchant-context.js';
import { ClipPlayer } from '../components/clip-player.js';
import { DecisionStateBadge, PenaltyLine, SeverityBadge } from '../components/moderation-bits.js';
import { ErrorLine, Status } from '../components/status.js';
import { Transcript } from '../components/transcript.js';
import { When, formatMoney, formatTime, useLabel, useLang, useT } from '../i18n.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import type { CaseFlag, CaseView } from '../types.js';
import { refreshAll, useData } from '../use-data.js';
import { scriptLang } from '../data-lang.js';

/** A moderator's case: the call with flagged words marked, each flag's evidence, the merchant's record, and the decision. */
export function CasePage({ id }: { id: string }) {
  const t = useT();
  const label = useLabel();
  const user = useUser();
  const kase = useData<CaseView>(`/api/cases/${encodeURIComponent(id)}`);
  const call = useData<CallView>(kase.data?.call ? `/api/calls/${kase.data.call.id}` : null);
  const [error, setError] = useState<unknown>(null);
  const c = kase.data?.case;
  const mine = c?.status === 'claimed' && c.claimedBy === user.userId;
  const claimable = c && (c.status === 'open' || (c.status === 'claimed' && !mine));
  const act = async (path: string) => {
    setError(null);
    try {
      await post(`/api/cases/${id}/${path}`);
      refreshAll();
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
      if (e.key === 'c' && claimable && !e.metaKey && !e.ctrlKey) void act('claim');
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  if (!kase.data || !c)
    return (
      <>
        <h1>{t('caseTitle')}</h1>
        <Status loading={kase.loading} error={kase.error} />
      </>
    );
  const { flags } = kase.data;
  const lines = new Map(kase.data.utterances.map((u) => [u.seq, u.text]));
  const highlights = flags.map((f) => ({
    utterance: f.utteranceSeq,
    span: [f.spanStart, f.spanEnd] as [number, number],
    label: label('category', f.category),
  }));
  return (
    <>
      <div className="row spread">
        <h1>
          {t('caseTitle')} · {kase.data.merchant.name} <SeverityBadge severity={c.severity} />
        </h1>
        <span className="row">
          <span className={c.overdue ? 'badge bad' : 'badge'}>
            {label('caseStatus', c.status)}
            {/* A deadline matters while the case waits; once decided it is only noise. */}
            {(c.status === 'open' || c.status === 'claimed') && (
              <>
                {' · '}
                {t('due')} <When at={c.slaDueAt} />
              </>
            )}
          </span>
          {claimable && (
            <button type="button" className="primary" onClick={() => act('claim')}>
              {t('claim')}
            </button>
          )}
          {mine && (
            <button type="button" onClick={() => act('release')}>
              {t('release')}
            </button>
          )}
        </span>
      </div>
      {/* A decided case answers to no key: its keys are not named. */}
      {c.status === 'decided' || c.status === 'closed' ? null : (
        <p className="muted small shortcuts">{t('caseShortcuts')}</p>
      )}
      <ErrorLine error={error} />
      <div className="work-grid case-grid">
        {/* What to judge comes first: on a phone the evidence and the decision are above the
            transcript; from 900 px the grid puts the transcript back in the left column. */}
        <div className="side">
          {flags.map((f) => (
            <FlagEvidence key={f.id} flag={f} line={lines.get(f.utteranceSeq)} />
          ))}
          {/* What a combined score is, said once for every flag on the page (each score points here). */}
          {flags.length > 0 && (
            <p className="small muted" id="score-note" data-testid="score-note">
              {t('combinedScore')}
              {t('colon')}
              {t('combinedScoreIs')}
            </p>
          )}
          {kase.data.penalties.length > 0 && (
            <section className="card">
              <h2>{t('penalty')}</h2>
              <ul className="plain">
                {/* Penalties attach to decisions: each says which flag's decision it follows. */}
                {kase.data.penalties.map((p) => (
                  <li key={p.id}>
                    {label('category', p.category ?? flags.find((f) => f.decision?.id === p.decisionId)?.category)} ·{' '}
                    <PenaltyLine p={p} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {/* A decided case says so once, in the heading's status; each flag card shows its decision. */}
          {c.status === 'decided' || c.status === 'closed' ? null : mine ? (
            <DecisionForm key={flags.map((f) => f.id).join()} caseId={id} flags={flags.filter((f) => !f.decision)} />
          ) : (
            // Where the decision form will be, the way to it: the heading's claim, here too, as on an appeal.
            <section className="card" data-testid="claim-to-decide">
              <p className="muted">{t('claimFirst')}</p>
              {claimable && (
                <button type="button" className="primary" onClick={() => act('claim')}>
                  {t('claim')}
                </button>
              )}
            </section>
          )}
        </div>
        {/* The merchant's record: beside the decision on a phone, under the transcript from 900 px
            (a short transcript left the wide column empty under it). */}
        <div className="case-context">
          <MerchantContext view={kase.data} />
        </div>
        <section className="card transcript-card" aria-labelledby="tr-title">
          <h2 id="tr-title">{t('transcript')}</h2>
          {kase.data.call && (
            <p className="muted small">
              <BuyerName buyer={kase.data.call.buyer} /> · <When at={kase.data.call.startedAt} /> ·{' '}
              <Link href={`/calls/${kase.data.call.id}`}>{t('openCall')}</Link>
            </p>
          )}
          <Transcript
            utterances={
              call.data?.utterances ??
              kase.data.utterances.map((u) => ({
                index: u.seq,
                speaker: u.speakerRole as 'merchant',
                text: u.text,
                startMs: u.startMs,
                endMs: u.endMs,
                engine: '',
                confidence: null,
              }))
            }
            highlights={highlights}
          />
        </section>
      </div>
    </>
  );
}

function FlagEvidence({ flag: f, line }: { flag: CaseFlag; line?: string }) {
  const t = useT();
  const label = useLabel();
  const offset = f.audioStartMs ?? 0;
  return (
    <section className="card" aria-label={label('category', f.category)} data-testid="case-flag">
      <h2>
        {label('category', f.category)} <SeverityBadge severity={f.severity} />
      </h2>
      <p>
        {t('evidence')}
        {t('colon')}
      </p>
      <ClipPlayer flag={f} line={line} />
      <p className="small">
        {t('rule')}
        {t('colon')}
        <span title={f.ruleId}>
          {label('category', f.category)} · {t('version')} {f.ruleVersion}
        </span>{' '}
        · {label('detector', f.detector)}
      </p>
      <p className="small">
        {t('audioAt')}
        {t('colon')}
        {formatTime(offset)}
        {f.audioEndMs !== null && `–${formatTime(f.audioEndMs)}`}
      </p>
      {f.promise && <PromiseEvidence promise={f.promise} />}
      <ul className="plain small verdicts" aria-label={t('verdicts')}>
        {f.verdicts.map((v, i) => (
          // A stored list in its stored order; two layers may give the same verdict and score.
          // biome-ignore lint/suspicious/noArrayIndexKey: the order never changes
          <VerdictLine key={i} v={v} />
        ))}
      </ul>
      {/* The flag's own score is a rule's set score moved by each layer's verdict: named as that,
          never as a measured confidence; the page says once what it is (#score-note). */}
      <p className="small muted" data-testid="flag-score" aria-describedby="score-note">
        <span className="phrase">
          {t('combinedScore')} {Math.round(f.confidence * 100)}%
        </span>
      </p>
      {f.decision && (
        <p>
          <DecisionStateBadge state={f.decision.state} /> · {label('reason', f.decision.reasonCode)}
          {f.decision.reasonText && (
            <>
              {' — '}
              <span lang={scriptLang(f.decision.reasonText)}>{f.decision.reasonText}</span>
            </>
          )}
        </p>
      )}
    </section>
  );
}

/**
 * One layer's verdict, and its score named by what it measures ("语义比对：确认 · 与违规例句的相似度
 * 37%，更像违规例句"), never a bare percentage beside the verdict, which reads as the verdict's own
 * confidence. A hand-written rule's veto keeps the rule's confidence, which says nothing about
 * the veto, so it is not shown; the semantic layer says which examples the line is nearer.
 */
function VerdictLine({ v }: { v: CaseFlag['verdicts'][number] }) {
  const t = useT();
  const label = useLabel();
  const d = v.detail ?? {};
  const score = v.confidence === null || (v.layer === 'rule' && typeof d.veto === 'string') ? null : v.confidence;
  // A hand-written rule's score is the number written in the rule, the same for every line it
  // matches; only the trained model's is estimated from the line.
  const model = v.layer === 'rule' && typeof d.model === 'string';
  const noun = v.layer === 'rule' && !model ? t('ruleSetScore') : label('layerScore', v.layer);
  const nearer =
    v.layer === 'semantic' && typeof d.positive === 'number' && typeof d.negative === 'number'
      ? t(d.positive >= d.negative ? 'nearerViolation' : 'nearerPermitted')
      : null;
  return (
    <li data-testid="verdict" data-layer={v.layer}>
      {/* Named by who judged, as the rule line names the detectors: the hand-written rule or the
          trained model that shares its layer; never "规则：" again under "规则：…" (decision 0650). */}
      {model ? t('trainedModel') : label('layer', v.layer)}
      {t('colon')}
      {label('verdict', v.verdict)}
      {score !== null && (
        <span className="muted">
          {' · '}
          <span className="phrase">
            {noun} {Math.round(score * 100)}%{nearer && t('comma')}
          </span>
          {nearer && <span className="phrase">{nearer}</span>}
        </span>
      )}
    </li>
  );
}

/** What the merchant promised by when, beside what the platform's order events show. */
function PromiseEvidence({ promise: p }: { promise: NonNullable<CaseFlag['promise']> }) {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  return (
    <div className="small promise-evidence">
      <p>
        {label('promiseAction', p.action)}
        {p.amount !== null && ` ${formatMoney(p.amount, p.currency, lang)}`} · {t('dueAt')}{' '}
        {p.dueAt ? <When at={p.dueAt} /> : '—'} {t('inParens', { x: label('dueSource', p.dueSource) })} ·{' '}
        {t('orderNumber')} {p.orderId ?? '—'}
        {p.order && ` · ${label('orderStatus', p.order.status)}`}
      </p>
      <p>
        {t('orderEvents')}
        {t('colon')}
        {p.events.length === 0
          ? '—'
          : p.events.map((e, i) => (
              <span key={`${e.at}-${e.type}`}>
                {i > 0 && t('listSep')}
                <When at={e.at} /> {label('orderEvent', e.type)}
              </span>
            ))}
      </p>
    </div>
  );
}
