import { useEffect, useId, useRef, useState } from 'react';
import { post } from '../api.js';
import { ErrorLine, Status } from '../components/status.js';
import { When, formatMoney, useLabel, useLang, useT } from '../i18n.js';
import type { PromiseDetail } from '../types.js';
import { scriptLang } from '../data-lang.js';
import { refreshAll, useData } from '../use-data.js';

const MAX_FILE = 256 * 1024;

/** One promise: the order's platform events, what happened to the promise, its proofs, and a proof form. */
export function PromiseDetailView({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const detail = useData<PromiseDetail>(`/api/promises/${id}`);
  const d = detail.data;
  return (
    <div className="promise-detail">
      <Status loading={detail.loading} error={detail.error} />
      {d && (
        <>
          <h3>{t('orderEvents')}</h3>
          <ul className="plain small">
            {d.order && (
              <li>
                {t('orderNumber')} {d.order.id} · {label('orderStatus', d.order.status)}
              </li>
            )}
            {d.events.map((e) => (
              <li key={e.eventId}>
                <When at={e.at} /> · {label('orderEvent', e.type)}
                {e.amount !== null && ` ${formatMoney(e.amount, e.currency, lang)}`}
              </li>
            ))}
          </ul>
          <h3>{t('history')}</h3>
          <ul className="plain small">
            {d.trail.map((a) => (
              <li key={`${a.at}-${a.action}`}>
                <When at={a.at} /> ·{' '}
                {a.action === 'promise.proof_added'
                  ? t('proofAddedEvent')
                  : label('promiseStatus', String(a.after?.status ?? ''))}
              </li>
            ))}
          </ul>
          {d.proofs.length > 0 && <h3>{t('proofs')}</h3>}
          <ul className="plain small">
            {d.proofs.map((p) => (
              <li key={p.id}>
                <When at={p.createdAt} /> · <span lang={scriptLang(p.text)}>{p.text}</span>
                {p.fileName && (
                  <>
                    {' · '}
                    <a href={`/api/promises/${id}/proofs/${p.id}`}>{p.fileName}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
          <ProofForm id={id} />
        </>
      )}
    </div>
  );
}

function ProofForm({ id }: { id: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    if (file && file.size > MAX_FILE) return setError(new Error('file'));
    try {
      const base64 = file ? await toBase64(file) : undefined;
      await post(`/api/promises/${id}/proofs`, {
        text,
        file: file && base64 ? { name: file.name, type: file.type || 'application/octet-stream', base64 } : undefined,
      });
      setText('');
      setFile(undefined);
      setSaved(true);
      refreshAll();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="proof-form" onSubmit={submit}>
      <h3>{t('attachProof')}</h3>
      <label>
        {t('proofText')}
        <textarea required maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <FilePicker file={file} onChange={setFile} />
      {file && file.size > MAX_FILE && <p className="error">{t('fileTooLarge')}</p>}
      {error !== undefined && !(error instanceof Error && error.message === 'file') && <ErrorLine error={error} />}
      {saved && <p role="status">{t('proofSaved')}</p>}
      <button type="submit" className="primary" disabled={!text.trim()}>
        {t('attachProof')}
      </button>
    </form>
  );
}

/**
 * A file chosen with a button in the page's language, never the browser's own "Choose File / No
 * file chosen": the native input stays out of sight (and out of the tab order), the button opens
 * it, and the chosen file's name (or that there is none) is the button's description.
 */
function FilePicker({ file, onChange }: { file: File | undefined; onChange: (file: File | undefined) => void }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // Cleared by the form (a proof saved): the same file can be chosen again.
  useEffect(() => {
    if (!file && input.current) input.current.value = '';
  }, [file]);
  return (
    <fieldset className="file-field">
      <legend id={`${id}-label`} className="file-label">
        {t('proofFile')}
      </legend>
      <div className="row">
        <input
          ref={input}
          type="file"
          hidden
          tabIndex={-1}
          aria-labelledby={`${id}-label`}
          onChange={(e) => onChange(e.target.files?.[0])}
        />
        <button type="button" aria-describedby={`${id}-name`} onClick={() => input.current?.click()}>
          {file ? t('chooseOtherFile') : t('chooseFile')}
        </button>
        <span id={`${id}-name`} className={file ? 'file-name' : 'file-name muted'} data-testid="file-name">
          {file ? file.name : t('noFileChosen')}
        </span>
        {file && (
          <button type="button" aria-label={t('removeFile', { name: file.name })} onClick={() => onChange(undefined)}>
            {t('remove')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
