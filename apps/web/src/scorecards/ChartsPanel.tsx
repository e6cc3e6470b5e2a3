import { Col, Collapse, Row, Table, Typography } from 'antd';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { pick } from '../assessments/text';
import { CompetencyBars, DistributionChart } from './charts';
import { formatBand, formatScore } from './numbers';
import { useScoreSummary } from './queries';

/** A posting's distribution of totals and its mean competency profile, each a chart with its figures as a table. */
export function ChartsPanel({ postingId }: { postingId: string }) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  const summary = useScoreSummary(postingId);
  return (
    <QueryView query={summary}>
      {(data) =>
        data.scored === 0 ? (
          <Typography.Paragraph data-testid="charts-empty">{t('charts.noData')}</Typography.Paragraph>
        ) : (
          <Row gutter={[32, 24]}>
            <Col xs={24} xl={12}>
              <section aria-labelledby="distribution-title" data-testid="distribution">
                <Typography.Title id="distribution-title" level={2} style={{ fontSize: 18 }}>
                  {t('charts.distribution')}
                </Typography.Title>
                <Typography.Paragraph type="secondary">
                  {t('charts.distributionHint', {
                    scored: formatNumber(lang, data.scored),
                    candidates: formatNumber(lang, data.candidates),
                  })}
                </Typography.Paragraph>
                <DistributionChart
                  bins={data.distribution}
                  label={t('charts.distribution')}
                  xName={t('charts.range')}
                  yName={t('charts.candidates')}
                />
                <FiguresTable
                  rows={data.distribution.map((b) => ({
                    key: `${b.from}`,
                    name: formatBand(lang, b),
                    value: formatNumber(lang, b.count),
                  }))}
                  nameTitle={t('charts.range')}
                  valueTitle={t('charts.candidates')}
                />
              </section>
            </Col>
            <Col xs={24} xl={12}>
              <section aria-labelledby="profile-title" data-testid="profile">
                <Typography.Title id="profile-title" level={2} style={{ fontSize: 18 }}>
                  {t('charts.profile')}
                </Typography.Title>
                <Typography.Paragraph type="secondary">{t('charts.profileHint')}</Typography.Paragraph>
                <CompetencyBars
                  label={t('charts.profile')}
                  name={t('charts.mean')}
                  items={data.competencies.map((c) => ({ label: pick(c.label, lang), value: c.mean }))}
                />
                <FiguresTable
                  rows={data.competencies.map((c) => ({
                    key: c.id,
                    name: pick(c.label, lang),
                    value: formatScore(lang, c.mean),
                    n: formatNumber(lang, c.n),
                  }))}
                  nameTitle={t('charts.competency')}
                  valueTitle={t('charts.mean')}
                  nTitle={t('charts.n')}
                />
              </section>
            </Col>
          </Row>
        )
      }
    </QueryView>
  );
}

/** A chart's figures, folded under it, for reading exact values and for screen readers. */
function FiguresTable({
  rows,
  nameTitle,
  valueTitle,
  nTitle,
}: {
  rows: { key: string; name: string; value: string; n?: string }[];
  nameTitle: string;
  valueTitle: string;
  nTitle?: string;
}) {
  const { t } = useTranslation('scorecards');
  return (
    <Collapse
      size="small"
      ghost
      items={[
        {
          key: 'table',
          label: t('charts.table'),
          children: (
            <Table
              size="small"
              pagination={false}
              dataSource={rows}
              columns={[
                { title: nameTitle, dataIndex: 'name' },
                { title: valueTitle, dataIndex: 'value', align: 'right' },
                ...(nTitle ? [{ title: nTitle, dataIndex: 'n', align: 'right' as const }] : []),
              ]}
            />
          ),
        },
      ]}
    />
  );
}
