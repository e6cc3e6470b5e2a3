import { navigate } from '../router';
import { useAttemptsText } from './messages';

/** The way from an assessment to its candidates; placed on the assessment page. */
export function AttemptsLink({ assessmentId }: { assessmentId: string }) {
  const { h } = useAttemptsText();
  const href = `/assessments/${assessmentId}/attempts`;
  return (
    <a
      href={href}
      className="attempts-link"
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {h.candidatesAndAttempts} →
    </a>
  );
}
