import { ArrowLeftOutlined } from '@ant-design/icons';
import type { AssessmentView } from '@rubricon/contracts';
import { Alert, Descriptions, Flex, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { CAN, useCan } from '../auth/session';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { RemindersCard } from '../mail/RemindersCard';
import { BlindToggle } from '../scoring/BlindToggle';
import { AddQuestion } from './AddQuestion';
import { CoverageMatrix } from './CoverageMatrix';
import { DurationField } from './DurationField';
import { formatCoverage, StatusTag, useFamilyLabel, useKindLabel } from './labels';
import { PublishButton } from './PublishButton';
import { QuestionCard } from './QuestionCard';
import { useAssessment } from './queries';
import { pick, questionNumbers } from './text';

/** HR's review of one assessment: facts, coverage, the questions by kind; a draft can be edited and published. */
export function AssessmentPage() {
  const id = useParams().assessmentId!;
  const { t } = useTranslation('assessments');
  const assessment = useAssessment(id);
  usePageTitle(assessment.data && t('page.heading', { title: assessment.data.postingTitle }));
  return <QueryView query={assessment}>{(view) => <AssessmentReview view={view} />}</QueryView>;
}

function AssessmentReview({ view }: { view: AssessmentView }) {
  const { t } = useTranslation('assessments');
  const [lang] = useLang();
  const familyLabel = useFamilyLabel();
  const kindLabel = useKindLabel();
  // The route admits only roles that may edit; checked here too, so no control ever outruns the role.
  const editable = useCan(...CAN.assessments) && view.status === 'draft';
  const canSeeAttempts = useCan(...CAN.candidates);
  const numbers = questionNumbers(view);
  const needed = view.questionMinutes;

  return (
    <article aria-labelledby="assessment-title">
      <Link to={`/postings/${view.postingId}`}>
        <ArrowLeftOutlined /> {t('page.back')}
      </Link>
      <Flex align="center" gap={12} wrap style={{ margin: '12px 0' }}>
        <Typography.Title id="assessment-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('page.heading', { title: view.postingTitle })}
        </Typography.Title>
        <StatusTag status={view.status} />
        <span style={{ flex: 1 }} />
        {view.status === 'published' && canSeeAttempts && (
          <Link to={`/assessments/${view.id}/attempts`}>{t('page.attempts')} →</Link>
        )}
        {editable && <PublishButton view={view} needed={needed} />}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'family', label: t('page.roleFamily'), children: familyLabel(view.roleFamily) },
          // Beside the family, filling its row: HR checks the family (and so the kinds of questions) against them.
          ...(view.familyReasons.length > 0
            ? [
                {
                  key: 'familyReasons',
                  span: 'filled' as const,
                  label: t('page.familyReasons'),
                  children: (
                    <ul data-testid="family-reasons" style={{ margin: 0, paddingInlineStart: 20 }}>
                      {view.familyReasons.map((r, i) => (
                        <li key={i}>{pick(r, lang)}</li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          {
            key: 'duration',
            span: { xs: 1, md: 2, xl: 2 },
            label: editable ? <label htmlFor="assessment-duration">{t('page.duration')}</label> : t('page.duration'),
            children: editable ? (
              <DurationField id="assessment-duration" view={view} needed={needed} />
            ) : (
              <Space wrap>
                {view.durationMinutes}
                <Typography.Text type="secondary">{t('duration.needed', { needed })}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'coverage',
            label: t('page.coverage'),
            children: (
              <Space wrap size={4}>
                <span data-testid="coverage">{formatCoverage(lang, view.coveragePercent)}</span>
                <Typography.Text type="secondary">·</Typography.Text>
                <Typography.Text type="secondary" data-testid="direct-coverage">
                  {t('page.direct', { percent: formatCoverage(lang, view.directPercent) })}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 'questions', label: t('page.questions'), children: numbers.size },
          { key: 'lang', label: t('page.language'), children: t(`langNames.${view.lang}`) },
          { key: 'created', label: t('page.created'), children: formatDateTime(lang, view.createdAt) },
          {
            key: 'bank',
            label: t('page.bankVersion'),
            children: <Typography.Text code>{view.bankVersion.slice(0, 12)}</Typography.Text>,
          },
        ]}
      />
      <BlindToggle view={view} />
      {view.status === 'published' && (
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('page.publishedNote', { date: formatDateTime(lang, view.publishedAt ?? view.createdAt) })}
          style={{ marginTop: 8 }}
        />
      )}
      {view.status === 'published' && <RemindersCard assessmentId={view.id} />}

      <CoverageMatrix view={view} numbers={numbers} />

      {view.sections.map((section) => (
        <section key={section.kind} aria-labelledby={`section-${section.kind}`} style={{ marginTop: 24 }}>
          <Typography.Title level={2} id={`section-${section.kind}`} style={{ fontSize: 20 }}>
            {kindLabel(section.kind)} <Typography.Text type="secondary">({section.questions.length})</Typography.Text>
          </Typography.Title>
          <Flex vertical gap={16}>
            {section.questions.map((q) => (
              <QuestionCard key={q.id} question={q} number={numbers.get(q.id)!} view={view} editable={editable} />
            ))}
          </Flex>
        </section>
      ))}

      {editable && <AddQuestion view={view} />}
    </article>
  );
}
