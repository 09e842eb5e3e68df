import type { ApiError } from '../api.js';
import { useErrorText, useT } from '../i18n.js';
import { refreshAll } from '../use-data.js';

/** Failures worth another try: not "not found" or "not allowed", which a retry cannot change. */
const FINAL = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);

/** Loading and failure states every page shares; failures read by their code, in the UI's language. */
export function Status({ loading, error }: { loading: boolean; error?: ApiError }) {
  const t = useT();
  const errorText = useErrorText();
  if (error)
    return (
      <p role="alert" className="error">
        {errorText(error)}{' '}
        {!FINAL.has(error.code) && (
          <button type="button" onClick={refreshAll}>
            {t('tryAgain')}
          </button>
        )}
      </p>
    );
  if (loading) return <p aria-busy="true">{t('loading')}</p>;
  return null;
}

export function ErrorLine({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {errorText(error)}
    </p>
  );
}
