import { useEffect, useState } from 'react';
import type { Page, PostingSummary } from '@rubricon/contracts';
import { api } from '../api';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { ImportPostings } from './ImportPostings';

const PAGE_SIZE = 20;

export function PostingsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<PostingSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
    if (search.trim()) params.set('search', search.trim());
    api<Page<PostingSummary>>(`/postings?${params}`).then(setPage, (e) => setError(e.message));
  }, [search, offset, reload]);

  return (
    <section>
      <div className="row">
        <h1>{t.postings}</h1>
        <span className="spacer" />
        <input
          type="search"
          placeholder={t.searchTitles}
          aria-label={t.searchTitles}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      <ImportPostings onImported={() => setReload((n) => n + 1)} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!page ? (
        <p>{t.loading}</p>
      ) : page.items.length === 0 ? (
        <p>{t.noPostings}</p>
      ) : (
        <>
          <p className="muted">{t.total(page.total)}</p>
          <ul className="postings" aria-label={t.postings}>
            {page.items.map((p) => (
              <li key={p.id}>
                <a
                  href={`/postings/${p.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/postings/${p.id}`);
                  }}
                >
                  {p.title}
                </a>
                <span className="muted">
                  {[p.location, p.headcount != null ? `× ${p.headcount}` : null].filter(Boolean).join(' · ')}
                </span>
                <span className="muted small">{t.lines(p.dutyCount, p.requirementCount)}</span>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t.previous}
            </button>
            <button
              type="button"
              disabled={offset + PAGE_SIZE >= page.total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              {t.next}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
