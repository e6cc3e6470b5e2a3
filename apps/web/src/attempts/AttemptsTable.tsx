import type { AttemptSummary } from '@rubricon/contracts';
import { navigate } from '../router';
import { formatWhen, useAttemptsText } from './messages';

export function AttemptsTable({
  attempts,
  onRevoke,
  onResend,
}: {
  attempts: AttemptSummary[];
  onRevoke: (a: AttemptSummary) => void;
  onResend: (a: AttemptSummary) => void;
}) {
  const { h, lang } = useAttemptsText();
  if (!attempts.length) return <p className="muted">{h.noAttempts}</p>;
  const when = (iso: string | null) => formatWhen(iso, lang, h.dash, false);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={h.attempts}>
      <table className="list-table attempts-table">
        <thead>
          <tr>
            <th scope="col">{h.candidate}</th>
            <th scope="col">{h.status}</th>
            <th scope="col">{h.started}</th>
            <th scope="col">{h.deadline}</th>
            <th scope="col">{h.submitted}</th>
            <th scope="col" className="num">
              {h.autoScore}
            </th>
            <th scope="col" className="num">
              {h.integrity}
            </th>
            <th scope="col">{h.actions}</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => {
            const open = `/attempts/${a.attemptId}`;
            const revoked = a.invitation.revokedAt !== null;
            const canRevoke = !revoked && (a.status === 'invited' || a.status === 'in_progress');
            return (
              <tr
                key={a.attemptId}
                data-testid="attempt-row"
                className="clickable"
                onClick={(e) => {
                  if (!(e.target as HTMLElement).closest('button,a')) navigate(open);
                }}
              >
                <th scope="row">
                  <a
                    href={open}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(open);
                    }}
                  >
                    {a.candidate.name}
                  </a>
                  <div className="small muted">{a.candidate.email}</div>
                </th>
                <td>
                  <span className={`badge ${a.status}`}>{h.statusLabels[a.status]}</span>
                  {revoked && <span className="tag warn">{h.revoked}</span>}
                </td>
                <td>{when(a.startedAt)}</td>
                <td>{when(a.deadline)}</td>
                <td>
                  {when(a.submittedAt)}
                  {a.submittedBy === 'deadline' && <div className="small muted">{h.byDeadline}</div>}
                </td>
                <td className="num">{a.autoScorePercent === null ? h.dash : `${Math.round(a.autoScorePercent)}%`}</td>
                <td className="num">{a.integrityEventCount}</td>
                <td>
                  <div className="row">
                    {canRevoke && (
                      <button type="button" className="danger" onClick={() => onRevoke(a)}>
                        {h.revoke}
                      </button>
                    )}
                    {a.status === 'invited' && (
                      <button type="button" className="secondary" onClick={() => onResend(a)}>
                        {h.resend}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
