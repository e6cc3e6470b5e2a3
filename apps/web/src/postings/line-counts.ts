import { useTranslation } from '../i18n/staff';

/** `3 duties · 1 requirement` / `3 条职责 · 1 条要求`, with English singulars. */
export function useLineCountText(): (duties: number, requirements: number) => string {
  const { t } = useTranslation('postings');
  return (duties, requirements) =>
    `${t('dutyCount', { count: duties })} · ${t('requirementCount', { count: requirements })}`;
}
