import { useDocumentTitle, useFocusHere } from './a11y';
import { useCandidateText } from './messages';
import type { SessionEnd } from './save-refusals';

/**
 * This page no longer writes: the assessment was continued in another window or on another device
 * (session-replaced), or its link was withdrawn or replaced (session-ended). Opening the link again
 * here takes the attempt back; a link that no longer works then says why.
 */
export function SessionOver({ end, title, onContinue }: { end: SessionEnd; title?: string; onContinue: () => void }) {
  const { c, textFor } = useCandidateText();
  const heading = end === 'session-replaced' ? c.continuedElsewhere : c.sessionEnded;
  useDocumentTitle(heading, title);
  const focus = useFocusHere<HTMLHeadingElement>();
  return (
    <section className="card candidate-card" data-testid="session-over" data-end={end}>
      <h1 tabIndex={-1} ref={focus}>
        {heading}
      </h1>
      <p role="alert">{textFor({ message: '', code: end })}</p>
      <button type="button" onClick={onContinue}>
        {end === 'session-replaced' ? c.continueHere : c.openAgain}
      </button>
    </section>
  );
}
