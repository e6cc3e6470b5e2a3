import { EditOutlined } from '@ant-design/icons';
import type {
  CriterionScore,
  OtherRaterSheet,
  ScoreSheetView,
  SheetCriterion,
  SheetQuestion,
} from '@rubricon/contracts';
import { Button, Col, Flex, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { pick } from '../assessments/text';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { AmendModal, type AmendTarget } from './AmendModal';
import {
  AmendmentList,
  AnchorList,
  CriterionGroup,
  CriterionHeading,
  LevelTag,
  SheetSection,
  SheetStatusTag,
  useRecommendationText,
  useWhenText,
} from './parts';
import { QuestionCard } from './QuestionView';

/**
 * The sheet once submitted: read-only, each score amendable with a reason (the original stays in
 * the history), and beside each of the rater's scores those of the other raters.
 */
export function SubmittedSheet({ view }: { view: ScoreSheetView }) {
  const { t } = useTranslation('scoring');
  const recommendationText = useRecommendationText();
  const [target, setTarget] = useState<AmendTarget | null>(null);

  return (
    <Flex vertical gap={16}>
      <OtherRaters view={view} />
      {view.questions.map((q, index) => (
        <QuestionCard key={q.questionId} view={view} index={index} promptOpen={false}>
          <Flex vertical gap={12}>
            {q.rubric.map((c) => (
              <CriterionResult
                key={c.id}
                view={view}
                question={q}
                criterion={c}
                onAmend={(score) => setTarget({ kind: 'score', question: q, criterion: c, score })}
              />
            ))}
          </Flex>
        </QuestionCard>
      ))}
      <SheetSection id="recommendation-title" title={t('sheet.recommendation')} testId="my-recommendation">
        <Flex align="center" gap={12} wrap>
          <Tag color="blue" data-testid="recommendation">
            {recommendationText(view.recommendation)}
          </Tag>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setTarget({ kind: 'recommendation', recommendation: view.recommendation })}
            aria-label={t('sheet.amendRecommendation')}
          >
            {t('sheet.amend')}
          </Button>
        </Flex>
        <AmendmentList amendments={view.recommendationAmendments} />
      </SheetSection>
      <AmendModal view={view} target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}

/** Who else scores this candidate, whether they have submitted, and their recommendation once they have. */
function OtherRaters({ view }: { view: ScoreSheetView }) {
  const { t } = useTranslation('scoring');
  const when = useWhenText();
  const recommendationText = useRecommendationText();
  return (
    <SheetSection id="others-title" title={t('sheet.others')}>
      {view.others === null ? (
        <Typography.Text type="secondary">{t('sheet.othersHidden')}</Typography.Text>
      ) : view.others.length === 0 ? (
        <Typography.Text type="secondary">{t('sheet.noOthers')}</Typography.Text>
      ) : (
        <Table<OtherRaterSheet>
          rowKey={(o) => o.rater.id}
          size="small"
          pagination={false}
          aria-label={t('sheet.others')}
          dataSource={view.others}
          onRow={(o) =>
            ({ 'data-testid': 'other-rater', 'data-rater-id': o.rater.id }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('sheet.rater'), key: 'rater', render: (_, o) => o.rater.name },
            { title: t('raters.status'), key: 'status', render: (_, o) => <SheetStatusTag status={o.status} /> },
            {
              title: t('raters.submittedAt'),
              key: 'submittedAt',
              render: (_, o) => when(o.submittedAt),
            },
            {
              title: t('sheet.recommendation'),
              key: 'recommendation',
              render: (_, o) => (o.status === 'submitted' ? recommendationText(o.recommendation) : '—'),
            },
          ]}
        />
      )}
    </SheetSection>
  );
}

interface PanelRow {
  key: string;
  name: string;
  mine: boolean;
  submitted: boolean;
  score: CriterionScore | undefined;
}

/** One criterion after submission: the anchors, then the rater's own score and the others' side by side. */
function CriterionResult({
  view,
  question,
  criterion: c,
  onAmend,
}: {
  view: ScoreSheetView;
  question: SheetQuestion;
  criterion: SheetCriterion;
  onAmend: (score: CriterionScore | undefined) => void;
}) {
  const { t } = useTranslation('scoring');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const name = pick(c.name, lang);
  const find = (scores: CriterionScore[]) =>
    scores.find((s) => s.questionId === question.questionId && s.criterionId === c.id);
  const mine = find(view.scores);
  const myLevel = mine ? mine.level : (c.autoLevel ?? undefined);
  const rows: PanelRow[] = [
    { key: 'me', name: t('sheet.you'), mine: true, submitted: true, score: mine },
    ...(view.others ?? []).map((o) => ({
      key: o.rater.id,
      name: o.rater.name,
      mine: false,
      submitted: o.status === 'submitted',
      score: find(o.scores),
    })),
  ];

  return (
    <CriterionGroup question={question} criterion={c}>
      <CriterionHeading question={question} criterion={c} overridden={mine?.source === 'override'} />
      <Row gutter={[24, 8]}>
        <Col xs={24} xl={14}>
          <Table<PanelRow>
            size="small"
            pagination={false}
            aria-label={t('sheet.panel', { name })}
            dataSource={rows}
            onRow={(r) => ({ 'data-testid': r.mine ? 'my-score' : 'other-score' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('sheet.rater'), key: 'rater', width: 120, render: (_, r) => r.name },
              {
                title: t('sheet.levelColumn'),
                key: 'level',
                width: 110,
                onCell: (r) => ({ colSpan: r.submitted ? 1 : 2 }),
                render: (_, r) =>
                  r.submitted ? (
                    <LevelTag level={r.mine ? myLevel : r.score?.level} />
                  ) : (
                    <Typography.Text type="secondary">{t('sheet.otherPending')}</Typography.Text>
                  ),
              },
              {
                title: t('sheet.evidence'),
                key: 'evidence',
                onCell: (r) => ({ colSpan: r.submitted ? 1 : 0 }),
                render: (_, r) => (
                  <>
                    <span style={{ whiteSpace: 'pre-wrap' }} data-testid="evidence">
                      {r.score?.evidence}
                    </span>
                    {!r.mine && r.score && r.score.amendments.length > 0 && (
                      <Typography.Paragraph
                        type="secondary"
                        style={{ margin: 0, fontSize: 12 }}
                        title={r.score.amendments.map((a) => a.reason).join('\n')}
                        data-testid="other-amended"
                      >
                        {t('sheet.amendedCount', { count: r.score.amendments.length })}
                      </Typography.Paragraph>
                    )}
                    {r.score?.overrideReason && (
                      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                        {t('sheet.overrideReason')}: {r.score.overrideReason}
                      </Typography.Paragraph>
                    )}
                  </>
                ),
              },
              {
                title: common('actions'),
                key: 'amend',
                width: 96,
                render: (_, r) =>
                  r.mine && (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => onAmend(mine)}
                      aria-label={t('sheet.amendScore', { name })}
                    >
                      {t('sheet.amend')}
                    </Button>
                  ),
              },
            ]}
          />
          <AmendmentList amendments={mine?.amendments ?? []} />
        </Col>
        <Col xs={24} xl={10}>
          <AnchorList criterion={c} level={myLevel} />
        </Col>
      </Row>
    </CriterionGroup>
  );
}
