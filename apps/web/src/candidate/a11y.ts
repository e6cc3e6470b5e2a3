import { useEffect, useRef } from 'react';

/** Each view says where the candidate is in the tab's title: "Question 2 of 5 · Assessment · Rubricon". */
export function useDocumentTitle(...parts: (string | null | undefined | false)[]): void {
  const title = [...parts.filter(Boolean), 'Rubricon'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/**
 * Moves focus to the returned element (a heading with tabIndex -1) when the view appears and
 * whenever `key` changes, so a screen reader reads the new content and Tab continues from it
 * instead of from <body>.
 */
export function useFocusHere<T extends HTMLElement>(key?: unknown, enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [key, enabled]);
  return ref;
}
