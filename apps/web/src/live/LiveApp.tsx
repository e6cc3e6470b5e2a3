import type { InterviewCandidateQuestion, InterviewRoomState } from '@rubricon/contracts';
import { useState } from 'react';
import { useDocumentTitle, useFocusHere } from '../candidate/a11y';
import { CandidatePage } from '../candidate/CandidatePage';
import { pick } from '../candidate/candidate-api';
import { Participants, RoomTimer } from '../collab/RoomParts';
import type { RoomConnection, RoomView } from '../collab/room-connection';
import { useRoom } from '../collab/use-room';
import { formatDateTime } from '../i18n/format';
import { LiveQuestion } from './LiveQuestion';
import { useLiveText } from './messages';
import './live.css';

/**
 * The candidate's side of a live interview, everything under /live/<token>: the link is the only
 * key. A waiting screen until the interviewer reveals a question, then the question and the shared
 * editor; read-only once the interview ends. Opening the link elsewhere moves the session there.
 */
export function LiveApp({ token }: { token: string }) {
  const { l, textFor } = useLiveText();
  const [attempt, setAttempt] = useState(0);
  const { room, view } = useRoom({ link: token }, attempt);

  let body;
  if (view.ended === 'session-replaced') body = <Replaced onContinue={() => setAttempt((n) => n + 1)} />;
  else if (view.ended === 'link-replaced') body = <LinkProblem text={l.linkReplaced} />;
  else if (view.refusal && (!view.state || view.refusal.code !== 'interview-ended')) {
    if (view.refusal.code === 'interview-ended') body = <Ended />;
    else body = <LinkProblem text={view.refusal.code === 'link-unknown' ? l.linkUnknown : textFor(view.refusal)} />;
  } else if (!view.state || !room) body = <Joining />;
  else body = <LiveRoom room={room} view={view} state={view.state} />;

  return <CandidatePage title={view.state?.postingTitle}>{body}</CandidatePage>;
}

function Joining() {
  const { l } = useLiveText();
  useDocumentTitle();
  return <p className="candidate-card">{l.joining}</p>;
}

/** A link the server refused (unknown, or anything but an ended interview), said in the page's language. */
function LinkProblem({ text }: { text: string }) {
  const { l } = useLiveText();
  useDocumentTitle(l.linkProblem);
  const focus = useFocusHere<HTMLHeadingElement>();
  return (
    <section className="card candidate-card" data-testid="link-problem">
      <h1 tabIndex={-1} ref={focus}>
        {l.linkProblem}
      </h1>
      <p role="alert" className="error">
        {text}
      </p>
    </section>
  );
}

function Replaced({ onContinue }: { onContinue: () => void }) {
  const { l } = useLiveText();
  useDocumentTitle(l.replacedTitle);
  const focus = useFocusHere<HTMLHeadingElement>();
  return (
    <section className="card candidate-card" data-testid="session-replaced">
      <h1 tabIndex={-1} ref={focus}>
        {l.replacedTitle}
      </h1>
      <p role="alert">{l.replacedBody}</p>
      <button type="button" onClick={onContinue}>
        {l.continueHere}
      </button>
    </section>
  );
}

function Ended() {
  const { l } = useLiveText();
  useDocumentTitle(l.endedTitle);
  const focus = useFocusHere<HTMLHeadingElement>();
  return (
    <section className="card candidate-card" data-testid="interview-ended">
      <h1 tabIndex={-1} ref={focus}>
        {l.endedTitle}
      </h1>
      <p>{l.endedBody}</p>
    </section>
  );
}

function LiveRoom({ room, view, state }: { room: RoomConnection; view: RoomView; state: InterviewRoomState }) {
  const { l, lang } = useLiveText();
  const revealed: InterviewCandidateQuestion[] =
    view.questions?.audience === 'candidate'
      ? [...view.questions.questions].sort((a, b) => a.position - b.position)
      : [];
  // The question on screen follows the interviewer's latest reveal; an earlier one can be looked at again.
  const [picked, setPicked] = useState<{ id: string; current: string | null } | null>(null);
  const followed = picked && picked.current === state.currentQuestionId ? picked.id : state.currentQuestionId;
  const question =
    revealed.find((q) => q.id === followed) ??
    revealed.find((q) => q.id === state.currentQuestionId) ??
    revealed.at(-1);
  const ended = state.status === 'ended' || view.ended === 'interview-ended';
  useDocumentTitle(question ? pick(question.title, lang) : ended ? l.endedTitle : l.waitingTitle, state.postingTitle);
  const names = new Map(state.participants.map((p) => [p.id, p.name]));

  return (
    <div className="live" data-testid="live-room" data-status={state.status}>
      <div className="live-head">
        <RoomTimer
          clock={view.clock}
          label={l.timer}
          ofText={l.ofMinutes(state.durationMinutes)}
          overtimeText={l.overtime}
        />
        {!view.connected && !ended && (
          <p className="warn-text small" role="status">
            {l.reconnecting}
          </p>
        )}
        {ended && (
          <p className="live-ended" role="status" data-testid="read-only-notice">
            {l.readOnly}
          </p>
        )}
      </div>
      <div className="live-body">
        <div className="live-main">
          {question ? (
            <LiveQuestion
              key={question.id}
              question={question}
              room={room}
              view={view}
              state={state}
              ended={ended}
              whoName={(id) => names.get(id) ?? id}
            />
          ) : ended ? (
            <Ended />
          ) : (
            <Waiting state={state} />
          )}
        </div>
        <aside className="live-side">
          <h2>{l.participants}</h2>
          <Participants
            participants={state.participants}
            label={l.participants}
            onlineText={l.online}
            offlineText={l.offline}
            youText={l.you}
            youId={state.you.id}
          />
          {revealed.length > 1 && (
            <nav aria-label={l.questions}>
              <h2>{l.questions}</h2>
              <ol className="live-questions">
                {revealed.map((q, i) => (
                  <li key={q.id}>
                    <button
                      type="button"
                      className="link"
                      aria-current={q.id === question?.id ? 'true' : undefined}
                      onClick={() => setPicked({ id: q.id, current: state.currentQuestionId })}
                    >
                      {l.questionN(i + 1)}: {pick(q.title, lang)}
                      {q.id === state.currentQuestionId && ` (${l.current})`}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
          )}
        </aside>
      </div>
    </div>
  );
}

function Waiting({ state }: { state: InterviewRoomState }) {
  const { l, lang } = useLiveText();
  const focus = useFocusHere<HTMLHeadingElement>();
  return (
    <section className="card live-waiting" data-testid="waiting">
      <h1 tabIndex={-1} ref={focus}>
        {l.waitingTitle}
      </h1>
      <p>{l.hello(state.candidateName)}</p>
      <p>{l.waitingBody}</p>
      <p className="small muted">
        {l.startsAt(formatDateTime(lang, state.startsAt))} · {l.duration(state.durationMinutes)}
      </p>
    </section>
  );
}
