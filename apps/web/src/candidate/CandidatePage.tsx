import { Suspense, type ReactNode } from 'react';
import type { CandidateAttemptView } from '@rubricon/contracts';
import { useDocumentTitle, useFocusHere } from './a11y';
import { useCandidateText } from './messages';

/** The frame of every candidate view: a skip link, the bar with the language switch, the main region. */
export function CandidatePage({ title, children }: { title?: string; children: ReactNode }) {
  const { c, lang, toggle } = useCandidateText();
  return (
    <div className="candidate">
      <a className="skip-link" href="#candidate-main">
        {c.skipToMain}
      </a>
      <header className="topbar candidate-bar">
        <span className="brand">{title ?? 'Rubricon'}</span>
        <span className="spacer" />
        {/* Its label is in the other language, and says so, so a screen reader uses the right voice. */}
        <button
          type="button"
          className="link"
          onClick={toggle}
          data-testid="candidate-lang-toggle"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {c.language}
        </button>
      </header>
      <main className="candidate-main" id="candidate-main" tabIndex={-1}>
        <Suspense fallback={<Opening />}>{children}</Suspense>
      </main>
    </div>
  );
}

/** While the link is being opened. */
export function Opening() {
  const { c } = useCandidateText();
  useDocumentTitle();
  return <p className="candidate-card">{c.opening}</p>;
}

/** A link that cannot be used (unknown, withdrawn, expired…), said in the page's language. */
export function LinkProblem({ text }: { text: string }) {
  const { c } = useCandidateText();
  useDocumentTitle(c.linkProblem);
  const heading = useFocusHere<HTMLHeadingElement>();
  return (
    <section className="card candidate-card">
      <h1 tabIndex={-1} ref={heading}>
        {c.linkProblem}
      </h1>
      <p role="alert" className="error">
        {text}
      </p>
    </section>
  );
}

/**
 * After the submit (by the candidate or at the deadline): its heading takes the focus, so it is
 * read out; at the deadline it says the time is up, whether or not the countdown got to say so
 * before the server ended the attempt.
 */
export function Done({ view }: { view: CandidateAttemptView }) {
  const { c } = useCandidateText();
  useDocumentTitle(c.thanks, view.title);
  // The server submits at the deadline ('submitted' then, like a submit by the candidate).
  const expired =
    view.status === 'expired' || (!!view.deadline && !!view.submittedAt && view.submittedAt >= view.deadline);
  const heading = useFocusHere<HTMLHeadingElement>();
  return (
    <section className="card candidate-card" data-testid="thank-you">
      <h1 tabIndex={-1} ref={heading}>
        {expired ? c.timeUpThanks : c.thanks}
      </h1>
      <p>{expired ? c.expiredBody : c.thanksBody}</p>
    </section>
  );
}
