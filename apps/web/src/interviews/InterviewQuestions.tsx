import type { InterviewQuestionView } from '@rubricon/contracts';
import { Collapse, Flex, Tag, Typography } from 'antd';
import { CodingDetail } from '../assessments/CodingDetail';
import { useKindLabel } from '../assessments/labels';
import { RubricTable } from '../assessments/RubricTable';
import { pick } from '../assessments/text';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { Markdown } from '../markdown/Markdown';

const subheading = { fontSize: 15, margin: '16px 0 8px' } as const;

/**
 * The questions in the order they are asked, each folded to a line (title, kind, minutes, whether
 * it was revealed); unfolded, what the panel needs: prompt, examples, rubric and follow-up probes.
 */
export function InterviewQuestions({ questions }: { questions: InterviewQuestionView[] }) {
  const { t } = useTranslation('interviews');
  const [lang] = useLang();
  const kindLabel = useKindLabel();
  const sorted = [...questions].sort((a, b) => a.position - b.position);
  return (
    <section aria-labelledby="questions-title" style={{ marginTop: 24 }}>
      <Typography.Title id="questions-title" level={2} style={{ fontSize: 18 }}>
        {t('detail.questions')}
      </Typography.Title>
      <Collapse
        items={sorted.map((q, i) => ({
          key: q.id,
          label: (
            <Flex align="center" gap={8} wrap data-question-id={q.id}>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('detail.questionLabel', { n: i + 1 })}
              </Tag>
              <Typography.Text strong data-testid="interview-question-title">
                {pick(q.title, lang)}
              </Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>{kindLabel(q.kind)}</Tag>
              <Typography.Text type="secondary">{t('detail.minutes', { n: q.minutes })}</Typography.Text>
              <span style={{ flex: 1 }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {q.revealedAt
                  ? t('detail.revealed', { time: formatDateTime(lang, q.revealedAt, { seconds: true }) })
                  : t('detail.notRevealed')}
              </Typography.Text>
            </Flex>
          ),
          children: (
            <>
              <Typography>
                <Markdown source={pick(q.prompt, lang)} headingOffset={3} />
              </Typography>
              {q.coding && <CodingDetail coding={q.coding} />}
              {q.rubric.length > 0 && (
                <>
                  <Typography.Title level={3} style={subheading}>
                    {t('detail.rubric')}
                  </Typography.Title>
                  <RubricTable rubric={q.rubric} />
                </>
              )}
              {q.probes.length > 0 && (
                <>
                  <Typography.Title level={3} style={subheading}>
                    {t('detail.probes')}
                  </Typography.Title>
                  <ol style={{ margin: 0, paddingInlineStart: 24 }}>
                    {q.probes.map((p, n) => (
                      <li key={n}>{pick(p, lang)}</li>
                    ))}
                  </ol>
                </>
              )}
            </>
          ),
        }))}
      />
    </section>
  );
}
