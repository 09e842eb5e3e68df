import type { ApiError } from '../api.js';
import { useT } from '../i18n.js';

/** Loading and failure states every page shares; a 404 reads as "not found, or not yours". */
export function Status({ loading, error }: { loading: boolean; error?: ApiError }) {
  const t = useT();
  if (error)
    return (
      <p role="alert" className="error">
        {error.status === 404 ? t('notFound') : `${t('error')}: ${error.message}`}
      </p>
    );
  if (loading) return <p aria-busy="true">{t('loading')}</p>;
  return null;
}
