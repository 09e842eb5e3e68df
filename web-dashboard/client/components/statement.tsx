import { useContext } from 'react';
import { formatDate, LangContext, useT } from '../i18n.js';
import type { Statement } from '../types.js';

/** The statement of reasons as the merchant received it (DSA Art. 17): facts, rule, automation, penalty, redress. */
export function StatementView({ s }: { s: Statement['statement'] }) {
  const t = useT();
  const lang = useContext(LangContext);
  return (
    <details className="statement">
      <summary>{t('statement')}</summary>
      <dl>
        <dt>{t('evidence')}</dt>
        <dd>“{s.facts.evidence}”</dd>
        <dt>{t('rule')}</dt>
        <dd>
          <code>
            {s.rule.id}@{s.rule.version}
          </code>{' '}
          · {s.rule.category} · {s.rule.severity}
        </dd>
        <dt>{t('ground')}</dt>
        <dd>{s.rule.ground[lang]}</dd>
        <dt>{t('reason')}</dt>
        <dd>
          <code>{s.reason.code}</code> {s.reason.text}
        </dd>
        <dt>{t('automatedDetection')}</dt>
        <dd>{s.automatedDetection ? '✓' : '✗'}</dd>
        <dt>{t('decidedBy')}</dt>
        <dd>{s.automatedDecision === 'fully' ? t('machine') : t('human')}</dd>
        <dt>{t('penalty')}</dt>
        <dd>
          {s.penalty
            ? `${s.penalty.kind}${s.penalty.points ? ` (${s.penalty.points})` : ''}${s.penalty.endsAt ? ` ${t('until')} ${formatDate(s.penalty.endsAt, lang)}` : ''}`
            : t('none')}
        </dd>
        <dt>{t('appealUntil')}</dt>
        <dd>
          {formatDate(s.redress.appealUntil, lang)} — {s.redress.how[lang]}
        </dd>
      </dl>
    </details>
  );
}
