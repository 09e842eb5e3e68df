import { When, formatDay, useLabel, useLang, useT } from '../i18n.js';
import type { Statement } from '../types.js';
import { StepText } from './moderation-bits.js';
import { scriptLang } from '../data-lang.js';
import { readableDays } from '../../shared/summary-text.js';

/** The statement of reasons as the merchant received it (DSA Art. 17): facts, rule, automation, penalty, redress. */
export function StatementView({ s }: { s: Statement['statement'] }) {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const p = s.penalty;
  const how = readableDays(s.redress.how[lang], lang);
  const days = p?.endsAt
    ? Math.round((new Date(p.endsAt).getTime() - new Date(s.decidedAt).getTime()) / 86_400_000)
    : null;
  return (
    <details className="statement">
      <summary>{t('statement')}</summary>
      <dl>
        <dt>{t('evidence')}</dt>
        <dd translate="no">“{s.facts.evidence}”</dd>
        <dt>{t('rule')}</dt>
        <dd>
          {label('category', s.rule.category)} · {label('severity', s.rule.severity)}
        </dd>
        <dt>{t('ground')}</dt>
        <dd>{s.rule.ground[lang]}</dd>
        <dt>{t('reason')}</dt>
        <dd>
          {label('reason', s.reason.code)}
          {s.reason.text && (
            <>
              {' — '}
              <span lang={scriptLang(s.reason.text)}>{s.reason.text}</span>
            </>
          )}
        </dd>
        <dt>{t('automatedDetection')}</dt>
        <dd>{s.automatedDetection ? t('yes') : t('no')}</dd>
        <dt>{t('decidedBy')}</dt>
        <dd>{s.automatedDecision === 'fully' ? t('machine') : t('human')}</dd>
        <dt>{t('asSent')}</dt>
        <dd>{p ? <StepText step={{ kind: p.kind, points: p.points, durationDays: days }} /> : t('none')}</dd>
        <dt>{t('appealUntil')}</dt>
        <dd>
          {/* The redress text names the day itself ("可在2027年6月7日前免费申诉…"): said once. */}
          {how.includes(formatDay(s.redress.appealUntil, lang)) ? (
            how
          ) : (
            <>
              <When at={s.redress.appealUntil} day /> — {how}
            </>
          )}
        </dd>
      </dl>
    </details>
  );
}
