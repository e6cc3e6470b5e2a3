import { useEffect } from 'react';

/** "<title> · Rubricon": each screen names itself, so tabs, history and screen readers can tell them apart. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Rubricon` : 'Rubricon';
  }, [title]);
}
