import { ICC_FORMS, type AgreementFigures, type PostingAgreement, type RaterCalibration } from '@rubricon/contracts';
import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { pick } from '../assessments/text';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { AlphaBandTag, IccBandTag, ScrollRegion } from './labels';
import { formatCoefficient, formatOffset, formatScore } from './numbers';
import { useAgreement } from './queries';

/** Below this many rated answers the figures are read as a hint only. */
const FEW_UNITS = 30;
/** An offset within this of 0 reads as "in line" with the panel. */
const EVEN = 0.25;

type CriterionAgreement = PostingAgreement['criteria'][number];

/**
 * How far a posting's raters agree (Krippendorff's alpha, ICC with Koo & Li's bands), overall and per
 * criterion, with a plain reading and its limits; and each rater's calibration against the panel.
 */
export function AgreementPanel({ postingId }: { postingId: string }) {
  const agreement = useAgreement(postingId);
  return <QueryView query={agreement}>{(data) => <Agreement data={data} />}</QueryView>;
}

function Agreement({ data }: { data: PostingAgreement }) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  const overall = data.overall;
  // Alpha and ICC with their readings, the same for the whole posting and for each criterion.
  const figures: { key: string; label: string; numeric: boolean; render: (f: AgreementFigures) => React.ReactNode }[] =
    [
      {
        key: 'alphaOrdinal',
        label: t('agreement.alphaOrdinal'),
        numeric: true,
        render: (f) => formatCoefficient(lang, f.alphaOrdinal),
      },
      {
        key: 'alphaInterval',
        label: t('agreement.alphaInterval'),
        numeric: true,
        render: (f) => formatCoefficient(lang, f.alphaInterval),
      },
      {
        key: 'alphaBand',
        label: t('agreement.alphaBand'),
        numeric: false,
        render: (f) => <AlphaBandTag band={f.alphaBand} />,
      },
      {
        key: 'icc21',
        label: 'ICC(2,1)',
        numeric: true,
        render: (f) => formatCoefficient(lang, f.icc?.values['ICC(2,1)']),
      },
      { key: 'iccBand', label: t('agreement.iccBand'), numeric: false, render: (f) => <IccBandTag band={f.iccBand} /> },
    ];
  return (
    <div data-testid="agreement">
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('agreement.explainTitle')}</h2>}>
        {(['explain1', 'explain2', 'explain3', 'explain4'] as const).map((key) => (
          <Typography.Paragraph key={key} style={{ marginBottom: 6 }}>
            {t(`agreement.${key}`)}
          </Typography.Paragraph>
        ))}
      </Card>

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('agreement.overall')}
      </Typography.Title>
      {overall.units === 0 ? (
        <Alert type="info" showIcon title={t('agreement.none')} data-testid="agreement-none" />
      ) : (
        <>
          <FewUnits units={overall.units} />
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2, xl: 3 }}
            data-testid="agreement-overall"
            items={[
              {
                key: 'units',
                label: t('agreement.units'),
                children: <span title={t('agreement.unitsHint')}>{formatNumber(lang, overall.units)}</span>,
              },
              ...figures.map((f) => ({ key: f.key, label: f.label, children: f.render(overall) })),
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('agreement.iccTitle')}
          </Typography.Title>
          <IccTable figures={overall} />
        </>
      )}

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('agreement.perCriterion')}
      </Typography.Title>
      <ScrollRegion label={t('agreement.perCriterion')}>
        <Table<CriterionAgreement>
          size="small"
          rowKey={(c) => `${c.questionId}:${c.criterionId}`}
          aria-label={t('agreement.perCriterion')}
          dataSource={data.criteria}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('agreement.none') }}
          onRow={() => ({ 'data-testid': 'agreement-criterion' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('agreement.question'), key: 'question', render: (_, c) => pick(c.questionTitle, lang) },
            { title: t('agreement.criterion'), key: 'criterion', render: (_, c) => pick(c.name, lang) },
            {
              title: t('agreement.units'),
              key: 'units',
              align: 'right',
              render: (_, c) => formatNumber(lang, c.units),
            },
            ...figures.map((f) => ({
              title: f.label,
              key: f.key,
              align: f.numeric ? ('right' as const) : undefined,
              render: (_: unknown, c: CriterionAgreement) => f.render(c),
            })),
          ]}
        />
      </ScrollRegion>

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('agreement.calibration')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('agreement.calibrationHint')}</Typography.Paragraph>
      <Table<RaterCalibration>
        size="small"
        rowKey={(r) => r.rater.id}
        aria-label={t('agreement.calibration')}
        dataSource={data.calibration}
        pagination={false}
        locale={{ emptyText: t('agreement.noCalibration') }}
        onRow={(r) =>
          ({ 'data-testid': 'calibration-row', 'data-rater': r.rater.id }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('agreement.rater'), key: 'rater', render: (_, r) => r.rater.name },
          {
            title: t('agreement.meanOffset'),
            key: 'offset',
            align: 'right',
            render: (_, r) =>
              r.meanOffset == null ? (
                '—'
              ) : (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatOffset(lang, r.meanOffset)} (
                  {r.meanOffset > EVEN
                    ? t('agreement.lenient')
                    : r.meanOffset < -EVEN
                      ? t('agreement.severe')
                      : t('agreement.even')}
                  )
                </span>
              ),
          },
          {
            title: t('agreement.meanLevel'),
            key: 'level',
            align: 'right',
            render: (_, r) => formatScore(lang, r.meanLevel),
          },
          { title: t('agreement.n'), key: 'n', align: 'right', render: (_, r) => formatNumber(lang, r.n) },
        ]}
      />
    </div>
  );
}

function FewUnits({ units }: { units: number }) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  if (units >= FEW_UNITS) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="few-units"
      title={t('agreement.fewUnits', { units: formatNumber(lang, units), min: formatNumber(lang, FEW_UNITS) })}
    />
  );
}

/** The six ICC forms, what each measures, and its value; the basis (k raters, n answers) above. */
function IccTable({ figures }: { figures: AgreementFigures }) {
  const { t } = useTranslation('scorecards');
  const [lang] = useLang();
  if (!figures.icc) return <Typography.Paragraph>{t('agreement.iccNone')}</Typography.Paragraph>;
  const icc = figures.icc;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('agreement.iccBasis', { units: formatNumber(lang, icc.units), k: formatNumber(lang, icc.k) })}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        aria-label={t('agreement.iccTitle')}
        data-testid="icc-forms"
        dataSource={ICC_FORMS.map((form) => ({ key: form, form, value: icc.values[form] }))}
        columns={[
          { title: t('agreement.form'), dataIndex: 'form' },
          { title: t('agreement.meaning'), key: 'meaning', render: (_, row) => t(`agreement.forms.${row.form}`) },
          {
            title: t('agreement.value'),
            key: 'value',
            align: 'right',
            render: (_, row) => formatCoefficient(lang, row.value),
          },
        ]}
      />
    </>
  );
}
