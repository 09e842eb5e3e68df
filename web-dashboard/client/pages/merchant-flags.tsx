import { useContext, useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.js';
import { APPEAL_OUTCOME, APPEAL_STATUS } from '../components/labels.js';
import { StatementView } from '../components/statement.js';
import { Status } from '../components/status.js';
import { formatDate, LangContext, useT } from '../i18n.js';
import { Link } from '../router.js';
import type { CaseFlag, CaseRow, CaseView, Statement } from '../types.js';
import { useData } from '../use-data.js';

/** Flags against the merchant, each with its evidence, decision, statement of reasons, and appeal. */
export function MerchantFlagsPage() {
  const t = useT();
  const cases = useData<CaseRow[]>('/api/cases?limit=50');
  return (
    <>
      <h1>{t('flagsAgainst')}</h1>
      <Status loading={cases.loading} error={cases.error} />
      {cases.data?.length === 0 && <p className="muted">{t('noRows')}</p>}
      {cases.data?.map((c) => (
        <CaseCard key={c.id} id={c.id} />
      ))}
    </>
  );
}

function CaseCard({ id }: { id: string }) {
  const t = useT();
  const lang = useContext(LangContext);
  const { data } = useData<CaseView>(`/api/cases/${id}`);
  if (!data) return null;
  return (
    <section className="card" aria-label={`${t('caseTitle')} ${formatDate(data.case.openedAt, lang)}`}>
      <p className="muted small">
        {formatDate(data.case.openedAt, lang)} · {data.call && <Link href={`/calls/${data.call.id}`}>{t('call')}</Link>}
      </p>
      <ul className="plain">
        {data.flags.map((f) => (
          <FlagItem key={f.id} flag={f} />
        ))}
      </ul>
    </section>
  );
}

function FlagItem({ flag }: { flag: CaseFlag }) {
  const t = useT();
  const d = flag.decision;
  return (
    <li className="flag" data-testid="merchant-flag">
      <p>
        <span className={`badge sev-${flag.severity}`}>{flag.severity}</span> {flag.category} ·{' '}
        <code>
          {flag.ruleId}@{flag.ruleVersion}
        </code>
      </p>
      <p>
        {t('evidence')}: <mark>{flag.evidenceText}</mark>
      </p>
      <p>
        {t('decision')}: <strong>{!d ? t('pending') : d.outcome === 'upheld' ? t('upheld') : t('dismissed')}</strong>
        {d?.overturn && <> · {t(d.overturn === 'fully' ? 'oOverturnedFully' : 'oOverturnedPartly')}</>}
      </p>
      {d?.outcome === 'upheld' && <DecisionStatement decisionId={d.id} />}
    </li>
  );
}

function DecisionStatement({ decisionId }: { decisionId: string }) {
  const t = useT();
  const lang = useContext(LangContext);
  const { data, reload } = useData<Statement>(`/api/decisions/${decisionId}/statement`);
  if (!data) return null;
  const a = data.appeal;
  return (
    <>
      <StatementView s={data.statement} />
      {a ? (
        <div className="appeal-status" role="status">
          <strong>{t('appealStatus')}:</strong> {t(APPEAL_STATUS[a.status])}
          {a.status !== 'decided' && (
            <>
              {' '}
              · {t('due')} {formatDate(a.slaDueAt, lang)}
            </>
          )}
          {a.outcome && (
            <p>
              {t('outcome')}: <strong>{t(APPEAL_OUTCOME[a.outcome])}</strong> — {a.outcomeText}
            </p>
          )}
        </div>
      ) : (
        <AppealForm decisionId={decisionId} onFiled={reload} />
      )}
    </>
  );
}

function AppealForm({ decisionId, onFiled }: { decisionId: string; onFiled: () => void }) {
  const t = useT();
  const [statement, setStatement] = useState('');
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await post('/api/appeals', {
        decisionId,
        statement,
        attachments: text.trim() ? [{ name: name.trim() || 'note', text }] : [],
      });
      onFiled();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="appeal-form" onSubmit={submit}>
      <h3>{t('fileAppeal')}</h3>
      <label>
        {t('appealStatement')}
        <textarea required rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </label>
      <label>
        {t('attachmentName')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('attachmentText')}
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('fileAppeal')}
      </button>
    </form>
  );
}
