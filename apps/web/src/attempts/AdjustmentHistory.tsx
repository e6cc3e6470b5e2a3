import type { AttemptAdjustment } from '@rubricon/contracts';
import { Table, Typography } from 'antd';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';

/** New links, extra time and revocations on this attempt: what, who and when (oldest first, as the server sends). */
export function AdjustmentHistory({ adjustments }: { adjustments: AttemptAdjustment[] }) {
  const { t } = useTranslation('attempts');
  const [lang] = useLang();
  const what = (a: AttemptAdjustment) =>
    a.kind === 'extra-time'
      ? t('detail.historyExtraTime', { minutes: a.minutes ?? 0 })
      : a.kind === 'new-link'
        ? t('detail.historyNewLink')
        : t('detail.historyRevoked');
  return (
    <section aria-labelledby="history-title" style={{ marginTop: 16 }}>
      <Typography.Title id="history-title" level={2} style={{ fontSize: 18 }}>
        {t('detail.history')}
      </Typography.Title>
      {adjustments.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noHistory')}</Typography.Text>
      ) : (
        <Table<AttemptAdjustment>
          size="small"
          aria-label={t('detail.history')}
          rowKey={(a) => `${a.at}-${a.kind}`}
          dataSource={adjustments}
          pagination={false}
          columns={[
            { title: t('detail.historyWhat'), key: 'what', render: (_, a) => what(a) },
            { title: t('detail.historyWho'), key: 'who', render: (_, a) => a.by.name ?? '—' },
            { title: t('detail.historyWhen'), dataIndex: 'at', render: (at: string) => formatDateTime(lang, at) },
          ]}
        />
      )}
    </section>
  );
}
