import { ArrowLeftOutlined } from '@ant-design/icons';
import { MAX_COMPARED, type BilingualText, type ScorecardView } from '@rubricon/contracts';
import { Alert, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { pick } from '../assessments/text';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { CompetencyRadar } from './charts';
import { FlagTags, RecommendationSummary, ScrollRegion, useCardTexts } from './labels';
import { formatPercent100, formatScore } from './numbers';
import { rankingPath, scorecardPath } from './paths';
import { useCandidatesCards } from './compared';

interface Measure {
  key: string;
  label: ReactNode;
  cells: ReactNode[];
}

/** Up to four candidates of a posting side by side: totals, competencies (also as a radar), questions, panel. */
export function ComparePage() {
  const postingId = useParams().postingId!;
  const { t } = useTranslation('scorecards');
  const { ids, cards: compare } = useCandidatesCards(postingId);
  usePageTitle(t('compare.title'));
  return (
    <article aria-labelledby="compare-title">
      <Link to={rankingPath(postingId)}>
        <ArrowLeftOutlined /> {t('backToRanking')}
      </Link>
      <Typography.Title id="compare-title" level={1} style={{ margin: '12px 0 0', fontSize: 24 }}>
        {t('compare.title')}
      </Typography.Title>
      {ids.length === 0 ? (
        <Alert type="info" showIcon title={t('compare.none')} style={{ marginTop: 12 }} />
      ) : (
        <QueryView query={compare}>{(cards) => <Comparison postingId={postingId} cards={cards} />}</QueryView>
      )}
    </article>
  );
}

function Comparison({ postingId, cards }: { postingId: string; cards: ScorecardView[] }) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  const texts = useCardTexts();
  // Competencies and questions in the order they first appear, across every candidate compared.
  const competencies = new Map<string, BilingualText>();
  const questions = new Map<string, BilingualText>();
  for (const card of cards) {
    for (const c of card.competencies) if (!competencies.has(c.id)) competencies.set(c.id, c.label);
    for (const q of card.questions) if (!questions.has(q.questionId)) questions.set(q.questionId, q.title);
  }
  const measures: Measure[] = [
    {
      key: 'total',
      label: <strong>{t('scorecard.total')}</strong>,
      cells: cards.map((c) => (
        <strong key={c.candidate.id} data-testid="compare-total">
          {texts.total(c)}
        </strong>
      )),
    },
    { key: 'percent', label: t('scorecard.percent'), cells: cards.map((c) => formatPercent100(lang, c.percent)) },
    {
      key: 'rank',
      label: t('scorecard.rank'),
      cells: cards.map(texts.rank),
    },
    ...[...competencies].map(([id, label]) => ({
      key: `competency-${id}`,
      label: pick(label, lang),
      cells: cards.map((c) => formatScore(lang, c.competencies.find((x) => x.id === id)?.score)),
    })),
    ...[...questions].map(([id, title], i) => ({
      key: `question-${id}`,
      label: `Q${i + 1}. ${pick(title, lang)}`,
      cells: cards.map((c) => formatScore(lang, c.questions.find((q) => q.questionId === id)?.score)),
    })),
    {
      key: 'raters',
      label: t('ranking.raters'),
      cells: cards.map((c) =>
        t('ranking.ratersValue', {
          submitted: formatNumber(lang, c.raters.filter((r) => r.status === 'submitted').length),
          assigned: formatNumber(lang, c.raters.length),
        }),
      ),
    },
    {
      key: 'recommendations',
      label: t('scorecard.recommendations'),
      cells: cards.map((c) => <RecommendationSummary key={c.candidate.id} counts={c.recommendations} />),
    },
    {
      key: 'flags',
      label: t('scorecard.flags'),
      cells: cards.map((c) => <FlagTags key={c.candidate.id} flags={c.flags} empty={t('scorecard.noFlags')} />),
    },
  ];
  const competencyIds = [...competencies.keys()];

  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('compare.hint', { max: MAX_COMPARED, posting: cards[0]?.posting.title ?? '' })}
      </Typography.Paragraph>
      <ScrollRegion label={t('compare.title')}>
        <Table<Measure>
          size="small"
          bordered
          pagination={false}
          aria-label={t('compare.title')}
          data-testid="compare-table"
          dataSource={measures}
          columns={[
            { title: t('compare.measure'), key: 'measure', render: (_, m) => m.label },
            ...cards.map((card, i) => ({
              title: <Link to={scorecardPath(postingId, card.candidate.id)}>{card.candidate.name}</Link>,
              key: card.candidate.id,
              align: 'right' as const,
              onHeaderCell: () => ({ 'data-testid': 'compare-candidate' }) as React.HTMLAttributes<HTMLElement>,
              render: (_: unknown, m: Measure) => m.cells[i],
            })),
          ]}
        />
      </ScrollRegion>
      {competencyIds.length > 0 && (
        <section aria-labelledby="radar-title" style={{ marginTop: 24, maxWidth: 720 }}>
          <Typography.Title id="radar-title" level={2} style={{ fontSize: 18 }}>
            {t('compare.radar')}
          </Typography.Title>
          <CompetencyRadar
            label={t('compare.radar')}
            competencies={competencyIds.map((id) => pick(competencies.get(id)!, lang))}
            series={cards.map((c) => ({
              name: c.candidate.name,
              values: competencyIds.map((id) => c.competencies.find((x) => x.id === id)?.score ?? null),
            }))}
          />
        </section>
      )}
    </>
  );
}
