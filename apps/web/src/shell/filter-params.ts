import { useSearchParams } from 'react-router';

/**
 * A list's filters and paging kept in the address, so a filtered list can be bookmarked and Back
 * returns to it. `update` changes some of them; any change but paging goes back to the first page.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  return {
    params,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('size')) || 20,
    update,
  };
}
