import { useT } from '../i18n.js';
import { Link } from '../router.js';

export function NotFoundPage({ home }: { home: string }) {
  const t = useT();
  return (
    <section className="card not-found">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <Link href={home}>{t('home')}</Link>
    </section>
  );
}
