import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { CodeLanguage } from '@rubricon/contracts';
import type { AnswerBook } from './answer-book';
import { SaveRefused, type AttemptLink } from './attempt-link';
import type { CodedError } from '../i18n/errors';

const DEBOUNCE_MS = 2000;
const RETRY_MS = 5000;

/**
 * Debounced saving of the answer book through the attempt link. Re-renders on every save-state
 * change; a refusal the server would repeat (stale version, deadline) goes to `onRefused`.
 */
export function useAutosave(
  book: AnswerBook,
  link: AttemptLink | null,
  onRefused: (questionId: string, error: CodedError) => void,
) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  /** The last failed save's error (shown through textFor), until a save succeeds. */
  const [failure, setFailure] = useState<CodedError | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const refused = useRef(onRefused);
  refused.current = onRefused;

  const schedule = useCallback((questionId: string, delay: number, save: (id: string) => Promise<void>) => {
    clearTimeout(timers.current.get(questionId));
    timers.current.set(
      questionId,
      setTimeout(() => void save(questionId), delay),
    );
  }, []);

  const save = useCallback(
    async (questionId: string): Promise<void> => {
      clearTimeout(timers.current.get(questionId));
      const running = inFlight.current.get(questionId);
      if (running) return running;
      const req = link && book.beginSave(questionId);
      if (!req) return;
      rerender();
      const done = link
        .save(req)
        .then(
          (ack) => {
            book.acknowledge(ack);
            setFailure(null);
            // Typing went on while the save was in flight: save the newer text too.
            if (book.get(questionId).state === 'unsaved') schedule(questionId, DEBOUNCE_MS, save);
          },
          (e: Error & CodedError) => {
            book.fail(questionId);
            if (e instanceof SaveRefused) refused.current(questionId, e);
            else {
              setFailure(e);
              schedule(questionId, RETRY_MS, save);
            }
          },
        )
        .finally(() => {
          inFlight.current.delete(questionId);
          rerender();
        });
      inFlight.current.set(questionId, done);
      return done;
    },
    [book, link, schedule],
  );

  const edit = useCallback(
    (questionId: string, content: string, language?: CodeLanguage) => {
      book.edit(questionId, content, language);
      rerender();
      schedule(questionId, DEBOUNCE_MS, save);
    },
    [book, save, schedule],
  );

  /** Saves everything not yet acknowledged; resolves once each pending answer had its try. */
  const flushAll = useCallback(async () => {
    for (let round = 0; round < 3 && book.pending().length; round++) {
      await Promise.all(book.pending().map((id) => inFlight.current.get(id) ?? save(id)));
    }
  }, [book, save]);

  useEffect(() => () => timers.current.forEach((t) => clearTimeout(t)), []);

  return { edit, save, flushAll, failure, rerender };
}
