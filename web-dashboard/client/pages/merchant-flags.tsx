import { useState, type FormEvent } from 'react';
import { post } from '../api.js';
import { BuyerName } from '../components/buyer.js';
import {
  ExportLink,
  Filters,
  FilterDates,
  FilterSelect,
  ListPager,
  ListState,
  useListPage,
} from '../components/list-tools.js';
import { ClipPlayer } from '../components/clip-player.js';
import { DecisionStateBadge, PenaltyLine, SeverityBadge } from '../components/moderation-bits.js';
import { StatementView } from '../components/statement.js';
import { ErrorLine } from '../components/status.js';
import { CATALOGUE } from '../../shared/labels.js';
import { formatDate, useLabel, useLang, useT, When } from '../i18n.js';
import { Link } from '../router.js';
import type { CaseCardView, CaseFlag, CaseView, Statement } from '../types.js';
import { refreshAll, useData } from '../use-data.js';

/** The list's URL filters (sent to the API, counted by the phone's "筛选" button). */
const FILTERS = ['category', 'status', 'from', 'to'];

/** Flags against the merchant, each with its evidence, its decision's state now, the statement of reasons, and the appeal. */
export function MerchantFlagsPage() {
  const t = useT();
  const label = useLabel();
  const cases = useListPage<CaseCardView>('/api/cases/cards', FILTERS);
  return (
    <>
      <h1>{t('flagsAgainst')}</h1>
      <p className="row">
        <Link href="/standing">{t('navStanding')}</Link>
        <ExportLink what="flags" />
        <ExportLink what="decisions" />
      </p>
      <Filters fold={FILTERS}>
        <FilterSelect
          name="category"
          label={t('category')}
          options={Object.keys(CATALOGUE.category).map((c) => [c, label('category', c)])}
        />
        <FilterSelect
          name="status"
          label={t('status')}
          options={Object.keys(CATALOGUE.caseStatus).map((c) => [c, label('caseStatus', c)])}
        />
        <FilterDates />
      </Filters>
      <ListState list={cases} empty={t('emptyFlags')} />
      {cases.rows.map((c) => (
        <CaseCard key={c.case.id} data={c} />
      ))}
      <ListPager list={cases} />
    </>
  );
}

function CaseCard({ data }: { data: CaseCardView }) {
  const t = useT();
  const lang = useLang();
  const lines = new Map(data.utterances.map((u) => [u.seq, u.text]));
  return (
    <section
      className="card"
      data-testid="case-card"
      data-opened={String(data.case.openedAt)}
      aria-label={`${t('caseTitle')} ${formatDate(data.case.openedAt, lang)}`}
    >
      <p className="muted small">
        <When at={data.case.openedAt} />
        {data.call && (
          <>
            {' · '}
            <BuyerName buyer={data.call.buyer} /> · <Link href={`/calls/${data.call.id}`}>{t('openCall')}</Link>
          </>
        )}
      </p>
      <ul className="plain">
        {data.flags.map((f) => (
          <FlagItem
            key={f.id}
            flag={f}
            line={lines.get(f.utteranceSeq)}
            penalties={data.penalties.filter((p) => p.decisionId === f.decision?.id)}
          />
        ))}
      </ul>
    </section>
  );
}

function FlagItem({ flag, line, penalties }: { flag: CaseFlag; line?: string; penalties: CaseView['penalties'] }) {
  const t = useT();
  const label = useLabel();
  const d = flag.decision;
  return (
    <li className="flag" data-testid="merchant-flag" data-decision-id={d?.id}>
      <p>
        <SeverityBadge severity={flag.severity} /> {label('category', flag.category)}
      </p>
      <p>
        {t('evidence')}
        {t('colon')}
      </p>
      <ClipPlayer flag={flag} line={line} />
      <p>
        {t('decision')}
        {t('colon')}
        {d ? <DecisionStateBadge state={d.state} /> : <strong>{t('pending')}</strong>}
      </p>
      {penalties.length > 0 && (
        <ul className="plain">
          {penalties.map((p) => (
            <li key={p.id}>
              {t('penaltyNow')}
              {t('colon')}
              <PenaltyLine p={p} />
            </li>
          ))}
        </ul>
      )}
      {d?.outcome === 'upheld' && <DecisionStatement decisionId={d.id} />}
    </li>
  );
}

function DecisionStatement({ decisionId }: { decisionId: string }) {
  const t = useT();
  const label = useLabel();
  const { data } = useData<Statement>(`/api/decisions/${decisionId}/statement`);
  if (!data) return null;
  const a = data.appeal;
  return (
    <>
      <StatementView s={data.statement} />
      {a ? (
        <div className="appeal-status" role="status">
          <strong>
            {t('appealStatus')}
            {t('colon')}
          </strong>{' '}
          {label('appealStatus', a.status)}
          {a.status !== 'decided' && (
            <>
              {' '}
              · {t('due')} <When at={a.slaDueAt} />
            </>
          )}
          {a.outcome && (
            <p>
              {t('outcome')}
              {t('colon')}
              <strong>{label('appealOutcome', a.outcome)}</strong> — {a.outcomeText}
            </p>
          )}
        </div>
      ) : (
        <AppealForm decisionId={decisionId} />
      )}
    </>
  );
}

function AppealForm({ decisionId }: { decisionId: string }) {
  const t = useT();
  const [statement, setStatement] = useState('');
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await post('/api/appeals', {
        decisionId,
        statement,
        attachments: text.trim() ? [{ name: name.trim() || t('attachments'), text }] : [],
      });
      refreshAll();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="appeal-form">
      <summary>{t('appealThis')}</summary>
      <form onSubmit={submit}>
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
        <ErrorLine error={error} />
        <button type="submit" className="primary">
          {t('fileAppeal')}
        </button>
      </form>
    </details>
  );
}
