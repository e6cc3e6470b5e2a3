import type { AssessmentView, BankQuestionSummary } from '@rubricon/contracts';
import { Flex, Typography } from 'antd';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { useDifficultyLabel, useKindLabel } from './labels';
import { competencyLabel, pick } from './text';

/** One bank question in a pick list (replacements, add): what HR needs to choose between them. */
export function BankQuestionLine({
  question: q,
  labels,
}: {
  question: BankQuestionSummary;
  labels: AssessmentView['competencyLabels'];
}) {
  const { t } = useTranslation('assessments');
  const [lang] = useLang();
  const kindLabel = useKindLabel();
  const difficultyLabel = useDifficultyLabel();
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text strong>{pick(q.title, lang)}</Typography.Text>
      <Typography.Text type="secondary">
        {kindLabel(q.kind)} · {difficultyLabel(q.difficulty)} · {t('question.minutes', { n: q.minutes })} ·{' '}
        <Typography.Text code>{q.id}</Typography.Text>
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('question.competencies')}: {q.competencies.map((c) => competencyLabel(c, labels, lang)).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
