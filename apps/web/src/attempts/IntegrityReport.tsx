import type { AttemptDetail, IntegrityEventType, IntegrityEventView } from '@rubricon/contracts';
import { Alert, Collapse, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { IntegritySummary } from './IntegritySummary';

type Group = 'all' | 'paste' | 'away' | 'run' | 'resize';

/** The kinds of signal HR can show on their own; "away" is leaving and coming back, by window or tab. */
const GROUPS: Record<Exclude<Group, 'all'>, readonly IntegrityEventType[]> = {
  paste: ['paste'],
  away: ['blur', 'focus', 'hidden', 'visible'],
  run: ['hidden-run'],
  resize: ['resize'],
};

/** The integrity signals: the server's summary first, then the full list folded, filterable by kind. */
export function IntegrityReport({ detail }: { detail: AttemptDetail }) {
  const { t } = useTranslation('attempts');
  const [lang] = useLang();
  const [group, setGroup] = useState<Group>('all');
  // Two signals can share a time and a kind, so a row's key is its place in the timeline.
  const timeline = detail.timeline.map((e, key) => ({ ...e, key }));
  const shown = group === 'all' ? timeline : timeline.filter((e) => GROUPS[group].includes(e.type));
  const byKind = detail.integritySummary.byKind;
  const numbers = new Map(detail.answers.map((a) => [a.questionId, t('detail.questionNumber', { n: a.number })]));
  const describe = (e: IntegrityEventView): string => {
    if (e.type === 'paste' && typeof e.detail.size === 'number')
      return t('integrity.pasteSize', { size: formatNumber(lang, e.detail.size) });
    if (e.type === 'resize' && e.detail.width) return `${e.detail.width} × ${e.detail.height}`;
    if (e.type === 'hidden-run' && typeof e.detail.total === 'number')
      return t('integrity.runResult', { passed: e.detail.passed, total: e.detail.total });
    return '';
  };

  return (
    <section aria-labelledby="integrity-title" style={{ marginTop: 24 }}>
      <Typography.Title id="integrity-title" level={2} style={{ fontSize: 18 }}>
        {t('integrity.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('integrity.note')} style={{ marginBottom: 12 }} />
      {timeline.length === 0 ? (
        <Typography.Text type="secondary">{t('integrity.none')}</Typography.Text>
      ) : (
        <>
          <IntegritySummary summary={detail.integritySummary} />
          <Collapse
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'list',
                label: t('integrity.fullList', { count: timeline.length }),
                children: (
                  <>
                    <Segmented<Group>
                      aria-label={t('integrity.filter')}
                      value={group}
                      onChange={setGroup}
                      style={{ marginBottom: 12 }}
                      options={[
                        { value: 'all', label: t('integrity.all', { count: timeline.length }) },
                        ...(['paste', 'away', 'run', 'resize'] as const).map((g) => ({
                          value: g,
                          label: `${t(`integrity.groups.${g}`)} (${GROUPS[g].reduce((n, kind) => n + byKind[kind], 0)})`,
                        })),
                      ]}
                    />
                    <Table<IntegrityEventView>
                      size="small"
                      aria-label={t('integrity.title')}
                      data-testid="timeline"
                      dataSource={shown}
                      pagination={{ pageSize: 50, hideOnSinglePage: true }}
                      columns={[
                        {
                          title: t('integrity.time'),
                          dataIndex: 'at',
                          render: (at: string) => formatDateTime(lang, at, { seconds: true }),
                        },
                        {
                          title: t('integrity.type'),
                          dataIndex: 'type',
                          render: (type: IntegrityEventType) => t(`integrity.events.${type}`),
                        },
                        { title: t('integrity.detail'), key: 'detail', render: (_, e) => describe(e) },
                        {
                          title: t('integrity.question'),
                          dataIndex: 'questionId',
                          render: (id?: string) => (id && numbers.get(id)) || '—',
                        },
                      ]}
                    />
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
