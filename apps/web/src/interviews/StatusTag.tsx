import type { InterviewStatus } from '@rubricon/contracts';
import { Tag } from 'antd';
import { useTranslation } from '../i18n/staff';

// antd's preset palettes, as the attempts' status tag: their text keeps contrast on the light fill.
const COLOR: Record<InterviewStatus, string | undefined> = { scheduled: undefined, live: 'red', ended: 'green' };

/** Scheduled, live or ended, the same everywhere an interview is listed or shown. */
export function StatusTag({ status }: { status: InterviewStatus }) {
  const { t } = useTranslation('interviews');
  return (
    <Tag color={COLOR[status]} data-testid="interview-status">
      {t(`status.${status}`)}
    </Tag>
  );
}
