import { MAX_REMINDER_DEADLINE_MINUTES, MAX_REMINDER_EXPIRY_HOURS, type ReminderSettings } from '@rubricon/contracts';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { CAN, useCan } from '../auth/session';
import { useErrorText, useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { useMailSettings, useReminders, useSetReminders } from './queries';

interface Values {
  expiryOn: boolean;
  expiryHours: number | null;
  deadlineOn: boolean;
  deadlineMinutes: number | null;
}

/** What a switched-on reminder starts from. */
const DEFAULT_HOURS = 24;
const DEFAULT_MINUTES = 30;

function toValues(r: ReminderSettings): Values {
  return {
    expiryOn: r.beforeExpiryHours !== null,
    expiryHours: r.beforeExpiryHours ?? DEFAULT_HOURS,
    deadlineOn: r.beforeDeadlineMinutes !== null,
    deadlineMinutes: r.beforeDeadlineMinutes ?? DEFAULT_MINUTES,
  };
}

/**
 * A published assessment's reminders (HR, administrators): one some hours before an unused
 * invitation expires, one some minutes before an attempt under way runs out; each on or off.
 */
export function RemindersCard({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation('mail');
  const canChange = useCan(...CAN.assessments);
  const reminders = useReminders(assessmentId);
  if (!canChange) return null;
  return (
    <section aria-labelledby="reminders-title" style={{ marginTop: 16 }} data-testid="reminders">
      <Card
        size="small"
        title={
          <h2 id="reminders-title" style={{ margin: 0, fontSize: 16 }}>
            {t('reminders.title')}
          </h2>
        }
      >
        {reminders.error ? (
          <PageError error={reminders.error} onRetry={() => void reminders.refetch()} />
        ) : reminders.data ? (
          <RemindersForm assessmentId={assessmentId} saved={reminders.data} />
        ) : null}
      </Card>
    </section>
  );
}

function RemindersForm({ assessmentId, saved }: { assessmentId: string; saved: ReminderSettings }) {
  const { t } = useTranslation('mail');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const settings = useMailSettings().data;
  const setReminders = useSetReminders(assessmentId);
  const [form] = Form.useForm<Values>();
  const expiryOn = Form.useWatch('expiryOn', form) ?? saved.beforeExpiryHours !== null;
  const deadlineOn = Form.useWatch('deadlineOn', form) ?? saved.beforeDeadlineMinutes !== null;
  // What the server keeps is what the form shows after a save or a refetch.
  useEffect(() => form.setFieldsValue(toValues(saved)), [saved, form]);

  const range = (max: number) => ({
    type: 'integer' as const,
    min: 1,
    max,
    required: true,
    message: t('reminders.range', { max }),
  });

  return (
    <Form<Values>
      form={form}
      initialValues={toValues(saved)}
      onValuesChange={() => {
        if (setReminders.error) setReminders.reset();
      }}
      onFinish={(v) =>
        setReminders.mutate(
          {
            beforeExpiryHours: v.expiryOn ? v.expiryHours : null,
            beforeDeadlineMinutes: v.deadlineOn ? v.deadlineMinutes : null,
          },
          { onSuccess: () => void message.success(t('reminders.saved')) },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('reminders.hint')}</Typography.Paragraph>
      {settings && !settings.enabled && (
        <Alert type="warning" role="status" showIcon title={t('reminders.mailOff')} style={{ marginBottom: 12 }} />
      )}
      <ReminderLine
        id="reminder-expiry"
        on={expiryOn}
        switchName="expiryOn"
        valueName="expiryHours"
        label={t('reminders.expiry')}
        hint={t('reminders.expiryHint')}
        inputLabel={t('reminders.expiryHours')}
        unit={t('reminders.expiryUnit')}
        max={MAX_REMINDER_EXPIRY_HOURS}
        rule={range(MAX_REMINDER_EXPIRY_HOURS)}
      />
      <ReminderLine
        id="reminder-deadline"
        on={deadlineOn}
        switchName="deadlineOn"
        valueName="deadlineMinutes"
        label={t('reminders.deadline')}
        hint={t('reminders.deadlineHint')}
        inputLabel={t('reminders.deadlineMinutes')}
        unit={t('reminders.deadlineUnit')}
        max={MAX_REMINDER_DEADLINE_MINUTES}
        rule={range(MAX_REMINDER_DEADLINE_MINUTES)}
      />
      {setReminders.error && (
        <Alert type="error" role="alert" showIcon title={errorText(setReminders.error)} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" loading={setReminders.isPending}>
        {common('save')}
      </Button>
    </Form>
  );
}

/** One reminder: a switch, the number of hours or minutes before (while on), and to whom it goes. */
function ReminderLine({
  id,
  on,
  switchName,
  valueName,
  label,
  hint,
  inputLabel,
  unit,
  max,
  rule,
}: {
  id: string;
  on: boolean;
  switchName: 'expiryOn' | 'deadlineOn';
  valueName: 'expiryHours' | 'deadlineMinutes';
  label: string;
  hint: string;
  inputLabel: string;
  unit: string;
  max: number;
  rule: object;
}) {
  return (
    <div style={{ marginBottom: 16 }} data-testid={id}>
      <Flex align="center" gap={8} wrap>
        <Form.Item name={switchName} valuePropName="checked" noStyle>
          <Switch id={id} aria-describedby={`${id}-hint`} />
        </Form.Item>
        <label htmlFor={id} style={{ minWidth: 180 }}>
          {label}
        </label>
        <Form.Item name={valueName} rules={on ? [rule] : []} style={{ marginBottom: 0 }}>
          <InputNumber min={1} max={max} precision={0} disabled={!on} aria-label={inputLabel} style={{ width: 96 }} />
        </Form.Item>
        <Typography.Text type={on ? undefined : 'secondary'}>{unit}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" id={`${id}-hint`} style={{ fontSize: 12, marginInlineStart: 52 }}>
        {hint}
      </Typography.Text>
    </div>
  );
}
