import { useCallback, useEffect, useMemo, useState } from 'react';
import { isErrorCode, type CandidateAttemptView } from '@rubricon/contracts';
import { AnswerBook } from './answer-book';
import { AttemptLink, type AttemptState } from './attempt-link';
import type { AttemptClient } from './candidate-api';
import { Countdown, syncFrom, type ClockSync } from './Countdown';
import type { CodedError } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useDocumentTitle } from './a11y';
import { useCandidateText } from './messages';
import { QuestionNav } from './QuestionNav';
import { QuestionPanel } from './QuestionPanel';
import { isStaleSave } from './save-refusals';
import { SubmitBar } from './SubmitBar';
import { unansweredQuestions } from './unanswered';
import { useAutosave } from './use-autosave';
import { useIntegrity } from './use-integrity';

/** The attempt in progress: countdown, navigator, one question at a time, autosave, submit. */
export function AttemptScreen({
  initial,
  client,
  onView,
}: {
  initial: CandidateAttemptView;
  client: AttemptClient;
  onView: (v: CandidateAttemptView) => void;
}) {
  const { c, lang, textFor } = useCandidateText();
  // One book per attempt: it owns the answers from then on, so a later view of the same attempt does not reset them.
  const book = useMemo(() => AnswerBook.fromView(initial), [initial.attemptId]);
  const [view, setView] = useState(initial);
  const [sync, setSync] = useState<ClockSync | null>(() => syncFrom(initial.remainingMs));
  const [link, setLink] = useState<AttemptLink | null>(null);
  const [online, setOnline] = useState(true);
  /** Why the server refused the socket, when it said (an ended session, too many tabs). */
  const [refusal, setRefusal] = useState<CodedError | null>(null);
  /** 'stale': this page's text was rebased on another tab's save; otherwise a refusal to show. */
  const [notice, setNotice] = useState<'stale' | CodedError | null>(null);
  const [index, setIndex] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const question = view.questions[index];
  const total = view.questions.length;
  useDocumentTitle(confirming ? c.confirmTitle : c.questionShort(index + 1, total), view.title);
  /** Opens another question: the one on screen is saved first, and a pending confirmation closes. */
  const open = (i: number) => {
    if (question) void autosave.save(question.id);
    setConfirming(false);
    setIndex(i);
  };

  /** Any fresh view from the server re-anchors the clock and may end the attempt. */
  const adopt = useCallback(
    (v: CandidateAttemptView) => {
      setView(v);
      setSync(syncFrom(v.remainingMs));
      if (v.status !== 'in_progress') onView(v);
    },
    [onView],
  );

  const refresh = useCallback(() => client.view().then(adopt, () => undefined), [client, adopt]);

  useEffect(() => {
    const onState = (state: AttemptState) => {
      setSync(syncFrom(state.remainingMs));
      if (state.status !== 'in_progress') void refresh();
    };
    const created = new AttemptLink(client, onState, (connected, why) => {
      setOnline(connected);
      setRefusal(why ?? null);
    });
    setLink(created);
    return () => created.close();
  }, [client, refresh]);

  const autosave = useAutosave(book, link, (questionId, error) => {
    void client.view().then(
      (v) => {
        if (v.status === 'in_progress') {
          const stale = isStaleSave(isErrorCode(error.code) ? error.code : undefined);
          if (stale) book.rebase(v, questionId);
          setNotice(stale ? 'stale' : error);
          autosave.rerender();
          if (stale) void autosave.save(questionId);
        }
        adopt(v);
      },
      () => undefined,
    );
  });
  useIntegrity(link, view.attemptId, question?.id);

  // Leaving with unacknowledged text would lose it; the browser asks before unloading.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (book.pending().length) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [book]);

  // At zero the server submits; ask it rather than deciding here, a little after the mark.
  const onElapsed = useCallback(() => {
    setTimeout(() => void refresh(), 2000);
  }, [refresh]);

  const submit = async () => {
    await autosave.flushAll();
    adopt(await client.submit());
  };

  return (
    <div className="attempt">
      <div className="attempt-head">
        <h1 className="visually-hidden">{view.title}</h1>
        {sync && (
          <Countdown
            sync={sync}
            label={c.timeLeft}
            onElapsed={onElapsed}
            said={(minutes) => (minutes === 0 ? c.timeUp : c.minutesLeft(minutes))}
          />
        )}
        {view.deadline && (
          <p className="small muted" data-testid="deadline">
            {c.endsAt(formatDateTime(lang, view.deadline))}
          </p>
        )}
        {!online && (
          <p className="note small" role="status">
            {c.offline}
          </p>
        )}
        {!online && refusal && (
          <p className="error small" role="status">
            {textFor(refusal)}
          </p>
        )}
        {autosave.failure && (
          <p className="error small" role="status">
            {c.saveFailed(textFor(autosave.failure))}
          </p>
        )}
        {notice && (
          <p className="note small" role="status">
            {notice === 'stale' ? c.stale : textFor(notice)}
          </p>
        )}
      </div>
      <div className="attempt-body">
        <QuestionNav questions={view.questions} current={index} stateOf={(id) => book.get(id).state} onSelect={open} />
        {question && (
          <QuestionPanel
            key={question.id}
            question={question}
            number={index + 1}
            total={total}
            entry={book.get(question.id)}
            client={client}
            onEdit={(content, language) => autosave.edit(question.id, content, language)}
            onBlur={() => void autosave.save(question.id)}
            onMove={(delta) => open(index + delta)}
          />
        )}
      </div>
      <SubmitBar
        confirming={confirming}
        onConfirming={setConfirming}
        pendingCount={book.pending().length}
        unanswered={confirming ? unansweredQuestions(view.questions, (id) => book.get(id).content) : []}
        total={total}
        onOpen={open}
        onSubmit={submit}
      />
    </div>
  );
}
