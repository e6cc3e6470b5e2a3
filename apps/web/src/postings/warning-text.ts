import type { ImportWarning } from '@rubricon/contracts';
import { useTranslation } from '../i18n/staff';

const TSV_COLUMNS = ['title', 'duties', 'requirements', 'headcount', 'location', 'department'] as const;
type TsvColumn = (typeof TSV_COLUMNS)[number];
const isTsvColumn = (value: unknown): value is TsvColumn => TSV_COLUMNS.includes(value as TsvColumn);

/**
 * Words an import warning in the interface language from its code and params (never from the
 * server's English `message`); a few codes read differently with some params (one line, a split).
 */
export function useWarningText(): (warning: ImportWarning) => string {
  const { t } = useTranslation('postings');
  return ({ code, params }) => {
    if (code === 'posting-skipped' && Number(params.requirements) > 0)
      return t('warningMore.postingSkippedRequirements', params);
    if (code === 'sections-guessed' && Number(params.split) > 0) return t('warningMore.sectionsGuessedSplit', params);
    if (code === 'row-skipped' && params.title) return t('warningMore.rowSkippedTitled', params);
    // English counts need a singular; one line is the common case.
    if (params.count === 1) {
      if (code === 'section-skipped') return t('warningMore.sectionSkippedOne', params);
      if (code === 'intro-skipped') return t('warningMore.introSkippedOne', params);
      if (code === 'rows-before-header') return t('warningMore.rowsBeforeHeaderOne', params);
      if (code === 'description-skipped') return t('warningMore.descriptionSkippedOne', params);
    }
    if (code === 'column-guessed' && isTsvColumn(params.column))
      return t('warning.column-guessed', { ...params, column: t(`tsvColumn.${params.column}`) });
    return t(`warning.${code}`, params);
  };
}
