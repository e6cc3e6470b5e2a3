import type { AttemptStatus } from '@rubricon/contracts';
import { Tag } from 'antd';
import { useTranslation } from '../i18n/staff';

// antd's preset palettes: their text tone keeps more contrast on the light fill than the status colours.
const COLOR: Record<AttemptStatus, string | undefined> = {
  invited: undefined,
  in_progress: 'blue',
  submitted: 'green',
  expired: 'red',
};

export function StatusTag({ status, revoked }: { status: AttemptStatus; revoked?: boolean }) {
  const { t } = useTranslation('attempts');
  return (
    <>
      <Tag color={COLOR[status]}>{t(`status.${status}`)}</Tag>
      {revoked && <Tag color="red">{t('table.revoked')}</Tag>}
    </>
  );
}

/** "87%" or a dash while nothing is graded. */
export function scoreText(percent: number | null, format: (share: number) => string): string {
  return percent === null ? '—' : format(percent / 100);
}
