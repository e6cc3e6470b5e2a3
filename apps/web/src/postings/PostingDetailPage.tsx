import { useEffect, useState } from 'react';
import type { PostingDetail } from '@rubricon/contracts';
import { api } from '../api';
import { PostingAssessments } from '../assessments/PostingAssessments';
import { useI18n } from '../i18n';
import { navigate } from '../router';

export function PostingDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [posting, setPosting] = useState<PostingDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<PostingDetail>(`/postings/${id}`).then(setPosting, (e) => setError(e.message));
  }, [id]);

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!posting) return <p>{t.loading}</p>;
  return (
    <article>
      <a
        href="/postings"
        onClick={(e) => {
          e.preventDefault();
          navigate('/postings');
        }}
      >
        ← {t.back}
      </a>
      <h1>{posting.title}</h1>
      <dl className="facts">
        {posting.department && (
          <>
            <dt>{t.department}</dt>
            <dd>{posting.department}</dd>
          </>
        )}
        {posting.location && (
          <>
            <dt>{t.location}</dt>
            <dd>{posting.location}</dd>
          </>
        )}
        {posting.headcount != null && (
          <>
            <dt>{t.headcount}</dt>
            <dd>{posting.headcount}</dd>
          </>
        )}
      </dl>
      <PostingAssessments postingId={posting.id} />
      <h2>{t.duties}</h2>
      <ol className="lines" aria-label={t.duties}>
        {posting.duties.map((d, i) => (
          <li key={i}>{d}</li>
        ))}
      </ol>
      <h2>{t.requirements}</h2>
      <ol className="lines" aria-label={t.requirements}>
        {posting.requirements.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ol>
    </article>
  );
}
