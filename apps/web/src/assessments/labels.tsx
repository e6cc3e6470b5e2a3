import type { AssessmentStatus, MatchStrength, QuestionKind } from '@rubricon/contracts';
import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { Tag, theme } from 'antd';
import { formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { assessmentsText } from './i18n';

type Family = keyof typeof assessmentsText.en.families;

/** The role family's name in the interface language; a family this build does not know shows its id. */
export function useFamilyLabel(): (family: string) => string {
  const { t } = useTranslation('assessments');
  return (family) => (family in assessmentsText.en.families ? t(`families.${family as Family}`) : family);
}

export function useKindLabel(): (kind: QuestionKind) => string {
  const { t } = useTranslation('assessments');
  return (kind) => t(`kinds.${kind}`);
}

export function useDifficultyLabel(): (difficulty: number) => string {
  const { t } = useTranslation('assessments');
  const levels = ['junior', 'mid', 'senior'] as const;
  return (d) => {
    const level = levels[d - 1];
    return level ? t(`difficulty.${level}`) : String(d);
  };
}

export function StatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation('assessments');
  const { token } = theme.useToken();
  // Body-coloured text with a coloured icon: antd's green tag text is 3.4:1, under the 4.5:1 small text needs.
  // The icon as a child: Tag's icon prop replaces the icon's own style.
  return (
    <Tag data-testid="assessment-status">
      {status === 'published' ? <CheckCircleFilled style={{ color: token.colorSuccess }} /> : <EditOutlined />}{' '}
      {t(`status.${status}`)}
    </Tag>
  );
}

/** ✓ for a line a question assesses directly, ◐ for one it assesses in part: the same marks the coverage matrix uses. */
export const STRENGTH_MARK: Record<MatchStrength, string> = { direct: '✓', partial: '◐' };

/** How a question assesses a duty line, as a tag; body-coloured text for contrast, the mark in colour. */
export function StrengthTag({ strength }: { strength: MatchStrength }) {
  const { t } = useTranslation('assessments');
  const { token } = theme.useToken();
  return (
    <Tag data-strength={strength}>
      <span aria-hidden style={{ color: strength === 'direct' ? token.colorSuccess : token.colorWarning }}>
        {STRENGTH_MARK[strength]}
      </span>{' '}
      {t(`why.${strength}`)}
    </Tag>
  );
}

/** Coverage comes with one decimal (87.5); shown with it, so 99.5 is never rounded to a false 100 %. */
export function formatCoverage(lang: Lang, percent: number): string {
  return formatNumber(lang, percent / 100, { style: 'percent', maximumFractionDigits: 1 });
}
