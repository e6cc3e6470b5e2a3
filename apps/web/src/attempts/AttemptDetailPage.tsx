import { useEffect, useState } from 'react';
import type { AttemptDetail, IntegrityEventView } from '@rubricon/contracts';
import { api } from '../api';
import { navigate } from '../router';
import { formatWhen, useAttemptsText } from './messages';
import './attempts.css';

/** One attempt for HR: answers read-only with their auto-grading, and the integrity timeline. */
export function AttemptDetailPage({ attemptId }: { attemptId: string }) {
  const { h, lang } = useAttemptsText();
  const [detail, setDetail] = useState<AttemptDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<AttemptDetail>(`/attempts/${attemptId}`).then(setDetail, (e) => setError(e.message));
  }, [attemptId]);

  if (error)
    return (
      <p role="alert" className="error alert-bar">
        {error}
      </p>
    );
  if (!detail) return <p>{h.loading}</p>;
  const back = `/assessments/${detail.assessmentId}/attempts`;
  const titleOf = (questionId?: string) => {
    const answer = detail.answers.find((a) => a.questionId === questionId);
    return answer ? answer.title[lang] || answer.title.en : h.dash;
  };

  return (
    <article className="attempt-detail">
      <a
        href={back}
        onClick={(e) => {
          e.preventDefault();
          navigate(back);
        }}
      >
        ← {h.candidatesAndAttempts}
      </a>
      <div className="row wrap">
        <h1>{detail.candidate.name}</h1>
        <span className={`badge ${detail.status}`}>{h.statusLabels[detail.status]}</span>
      </div>
      <dl className="facts">
        <dt>{h.email}</dt>
        <dd>{detail.candidate.email}</dd>
        <dt>{h.started}</dt>
        <dd>{formatWhen(detail.startedAt, lang)}</dd>
        <dt>{h.deadline}</dt>
        <dd>{formatWhen(detail.deadline, lang)}</dd>
        <dt>{h.submitted}</dt>
        <dd>
          {formatWhen(detail.submittedAt, lang)}
          {detail.submittedBy === 'deadline' && ` (${h.byDeadline})`}
        </dd>
        <dt>{h.autoScore}</dt>
        <dd>{detail.autoScorePercent === null ? h.dash : `${Math.round(detail.autoScorePercent)}%`}</dd>
      </dl>
      <h2>{h.answers}</h2>
      {detail.answers.length === 0 && <p className="muted">{h.noAnswer}</p>}
      {detail.answers.map((a) => (
        <section key={a.questionId} className="card answer-card" data-testid="hr-answer">
          <h3>{a.title[lang] || a.title.en}</h3>
          <p className="small muted">
            {h.kindLabels[a.kind]}
            {a.language && ` (${a.language === 'typescript' ? 'TypeScript' : 'JavaScript'})`} · {h.version(a.version)} ·{' '}
            {formatWhen(a.savedAt, lang)}
            {a.grading && (
              <>
                {' '}
                · <strong>{h.grading(a.grading.passed, a.grading.total)}</strong>
              </>
            )}
          </p>
          <pre className={a.kind === 'coding' ? 'code' : 'answer-text'}>{a.content}</pre>
        </section>
      ))}
      <h2>{h.timeline}</h2>
      <p className="note small">{h.timelineNote}</p>
      {detail.timeline.length === 0 ? (
        <p className="muted">{h.noEvents}</p>
      ) : (
        <table className="list-table" data-testid="timeline">
          <thead>
            <tr>
              <th scope="col">{h.time}</th>
              <th scope="col">{h.type}</th>
              <th scope="col">{h.detail}</th>
              <th scope="col">{h.question}</th>
            </tr>
          </thead>
          <tbody>
            {detail.timeline.map((e, i) => (
              <tr key={i}>
                <td>{formatWhen(e.at, lang)}</td>
                <td>{h.eventLabels[e.type]}</td>
                <td>{describe(e, h.pasteSize)}</td>
                <td>{titleOf(e.questionId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function describe(e: IntegrityEventView, pasteSize: (n: number) => string): string {
  if (e.type === 'paste' && typeof e.detail.size === 'number') return pasteSize(e.detail.size);
  if (e.type === 'resize' && e.detail.width) return `${e.detail.width} × ${e.detail.height}`;
  if (e.type === 'hidden-run' && typeof e.detail.total === 'number') return `${e.detail.passed} / ${e.detail.total}`;
  return '';
}
