import type { AttemptStatus } from '@rubricon/contracts';
import { Tag } from 'antd';
import { useTranslation } from '../i18n/staff';

const COLOR: Record<AttemptStatus, string> = {
  invited: 'default',
  in_progress: 'processing',
  submitted: 'success',
  expired: 'error',
};

export function StatusTag({ status, revoked }: { status: AttemptStatus; revoked?: boolean }) {
  const { t } = useTranslation('attempts');
  return (
    <>
      <Tag color={COLOR[status]}>{t(`status.${status}`)}</Tag>
      {revoked && <Tag color="warning">{t('table.revoked')}</Tag>}
    </>
  );
}

/** "87%" or a dash while nothing is graded. */
export function scoreText(percent: number | null, format: (share: number) => string): string {
  return percent === null ? '—' : format(percent / 100);
}
