import { useEffect, useRef } from 'react';
import type { IntegrityEventRequest } from '@rubricon/contracts';
import type { AttemptLink } from './attempt-link';

const RESIZE_SETTLE_MS = 800;

/**
 * Reports the advisory integrity signals while the attempt is open: pasted text (its size only,
 * never the text), leaving and returning to the window, the tab hidden or shown, and resizes.
 */
export function useIntegrity(link: AttemptLink | null, attemptId: string, questionId: string | undefined) {
  const current = useRef(questionId);
  current.current = questionId;

  useEffect(() => {
    if (!link) return;
    const report = (type: IntegrityEventRequest['type'], detail?: Record<string, number>) =>
      link.report({
        attemptId,
        type,
        ...(current.current ? { questionId: current.current } : {}),
        ...(detail ? { detail } : {}),
      });
    const onPaste = (e: ClipboardEvent) =>
      report('paste', { size: e.clipboardData?.getData('text/plain').length ?? 0 });
    const onBlur = () => report('blur');
    const onFocus = () => report('focus');
    const onVisibility = () => report(document.visibilityState === 'hidden' ? 'hidden' : 'visible');
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(
        () => report('resize', { width: window.innerWidth, height: window.innerHeight }),
        RESIZE_SETTLE_MS,
      );
    };
    // Capture phase: Monaco handles paste itself and may stop it from bubbling.
    document.addEventListener('paste', onPaste, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('resize', onResize);
    return () => {
      clearTimeout(resizeTimer);
      document.removeEventListener('paste', onPaste, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('resize', onResize);
    };
  }, [link, attemptId]);
}
