import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.js';
import { useT } from '../i18n.js';
import type { CaseFlag } from '../types.js';

const REASON_CODES = [
  'CONTACT_OFF_PLATFORM',
  'OFF_PLATFORM_PAYMENT',
  'REVIEW_MANIPULATION',
  'ABUSIVE_LANGUAGE',
  'PROHIBITED_CLAIM',
  'REFUND_OBSTRUCTION',
  'PRIVACY',
  'FALSE_POSITIVE',
  'BENIGN_CONTEXT',
];

type Choice = { outcome: 'upheld' | 'dismissed'; reasonCode: string; reasonText: string };

/** One outcome, reason code and explanation per undecided flag, then a penalty from the ladder or none. */
export function DecisionForm({
  caseId,
  flags,
  onDecided,
}: {
  caseId: string;
  flags: CaseFlag[];
  onDecided: () => void;
}) {
  const t = useT();
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      flags.map((f) => [f.id, { outcome: 'upheld', reasonCode: codeFor(f.category), reasonText: '' }]),
    ),
  );
  const [penalty, setPenalty] = useState<'ladder' | 'none'>('ladder');
  const [error, setError] = useState('');
  const set = (id: string, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [id]: { ...c[id]!, ...patch } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      await post(`/api/cases/${caseId}/decide`, {
        penalty,
        flags: flags.map((f) => ({ flagId: f.id, ...choices[f.id]! })),
      });
      onDecided();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="decide-title">
      <h2 id="decide-title">{t('decision')}</h2>
      <datalist id="reason-codes">
        {REASON_CODES.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {flags.map((f, i) => (
        <fieldset key={f.id}>
          <legend>
            {i + 1}. {f.category} — “{f.evidenceText}”
          </legend>
          <label>
            <input
              type="radio"
              name={`o-${f.id}`}
              checked={choices[f.id]!.outcome === 'upheld'}
              onChange={() => set(f.id, { outcome: 'upheld', reasonCode: codeFor(f.category) })}
            />{' '}
            {t('upheld')}
          </label>
          <label>
            <input
              type="radio"
              name={`o-${f.id}`}
              checked={choices[f.id]!.outcome === 'dismissed'}
              onChange={() => set(f.id, { outcome: 'dismissed', reasonCode: 'FALSE_POSITIVE' })}
            />{' '}
            {t('dismissed')}
          </label>
          <label>
            {t('reasonCode')}
            <input
              list="reason-codes"
              required
              pattern="[A-Z][A-Z0-9_]{1,63}"
              value={choices[f.id]!.reasonCode}
              onChange={(e) => set(f.id, { reasonCode: e.target.value.toUpperCase() })}
            />
          </label>
          <label>
            {t('reasonText')}
            <textarea
              rows={2}
              value={choices[f.id]!.reasonText}
              onChange={(e) => set(f.id, { reasonText: e.target.value })}
            />
          </label>
        </fieldset>
      ))}
      <label>
        {t('penalty')}
        <select value={penalty} onChange={(e) => setPenalty(e.target.value as 'ladder' | 'none')}>
          <option value="ladder">{t('penaltyLadder')}</option>
          <option value="none">{t('none')}</option>
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('decide')}
      </button>
    </form>
  );
}

function codeFor(category: string): string {
  const map: Record<string, string> = {
    contact_exchange: 'CONTACT_OFF_PLATFORM',
    off_platform_payment: 'OFF_PLATFORM_PAYMENT',
    review_manipulation: 'REVIEW_MANIPULATION',
    abuse: 'ABUSIVE_LANGUAGE',
    prohibited_claim: 'PROHIBITED_CLAIM',
    refund_obstruction: 'REFUND_OBSTRUCTION',
    privacy_request: 'PRIVACY',
  };
  return map[category] ?? 'POLICY_VIOLATION';
}
