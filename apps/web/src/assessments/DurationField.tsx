import { WarningOutlined } from '@ant-design/icons';
import type { AssessmentView } from '@rubricon/contracts';
import { App, InputNumber, Space, theme, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useErrorText, useTranslation } from '../i18n/staff';
import { useChangeAssessment } from './queries';

const MIN = 5;
const MAX = 600;

/**
 * The draft's duration, saved when the field loses focus or on Enter. Beside it, what the questions
 * need, and a warning with both numbers when the duration is shorter (defect 4).
 */
export function DurationField({ id, view, needed }: { id: string; view: AssessmentView; needed: number }) {
  const { t } = useTranslation('assessments');
  const errorText = useErrorText();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const change = useChangeAssessment(view.id);
  const [value, setValue] = useState<number | null>(view.durationMinutes);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => setValue(view.durationMinutes), [view.durationMinutes]);

  function save() {
    if (value === view.durationMinutes) return setInvalid(false);
    // Checked here, so a wrong number is explained in the interface language before any request.
    if (value === null || !Number.isInteger(value) || value < MIN || value > MAX) return setInvalid(true);
    setInvalid(false);
    change.mutate(
      { type: 'duration', durationMinutes: value },
      {
        onSuccess: () => void message.success(t('duration.saved')),
        onError: (error) => {
          setValue(view.durationMinutes);
          void message.error(errorText(error));
        },
      },
    );
  }

  const short = view.durationMinutes < needed;
  return (
    <Space wrap align="center">
      <InputNumber<number>
        id={id}
        min={1}
        max={1000}
        step={5}
        precision={0}
        value={value}
        status={invalid ? 'error' : undefined}
        aria-invalid={invalid}
        aria-describedby={`${id}-help`}
        disabled={change.isPending}
        onChange={(next) => {
          setValue(next);
          setInvalid(false);
        }}
        onBlur={save}
        onPressEnter={save}
        style={{ width: 110 }}
      />
      <span id={`${id}-help`}>
        {invalid ? (
          <Typography.Text type="danger" role="alert">
            {t('duration.range')}
          </Typography.Text>
        ) : short ? (
          // Body text colour with a warning icon: antd's warning text colour is too pale to read (under 3:1).
          <Typography.Text strong data-testid="duration-short">
            <WarningOutlined style={{ color: token.colorWarning }} />{' '}
            {t('duration.short', { duration: view.durationMinutes, needed })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('duration.needed', { needed })}</Typography.Text>
        )}
      </span>
    </Space>
  );
}
