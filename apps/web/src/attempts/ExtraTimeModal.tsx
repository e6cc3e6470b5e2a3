import { MAX_EXTRA_MINUTES, type AttemptSummary } from '@rubricon/contracts';
import { Alert, App, Form, InputNumber, Modal, Typography } from 'antd';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { useExtraTime } from './queries';

/** Gives one candidate more minutes: their deadline moves (before the start, their time allowed grows). */
export function ExtraTimeModal({ attempt, onClose }: { attempt: AttemptSummary; onClose: () => void }) {
  const { t } = useTranslation('attempts');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const extraTime = useExtraTime();
  const [form] = Form.useForm<{ minutes: number }>();
  const name = attempt.candidate.name;
  return (
    <Modal
      open
      title={t('actions.extraTimeTitle', { name })}
      okText={common('save')}
      cancelText={common('cancel')}
      confirmLoading={extraTime.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {attempt.deadline && (
        <Typography.Paragraph type="secondary">
          {t('actions.extraTimeHint', { deadline: formatDateTime(lang, attempt.deadline) })}
        </Typography.Paragraph>
      )}
      <Form<{ minutes: number }>
        form={form}
        layout="vertical"
        initialValues={{ minutes: 15 }}
        onFinish={({ minutes }) =>
          extraTime.mutate(
            { attemptId: attempt.attemptId, minutes },
            {
              onSuccess: (updated) => {
                void message.success(
                  updated.deadline
                    ? t('actions.extraTimeDone', { name, deadline: formatDateTime(lang, updated.deadline) })
                    : t('actions.extraTimeGiven', { name, minutes }),
                );
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          label={t('actions.minutes')}
          name="minutes"
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: MAX_EXTRA_MINUTES,
              message: t('actions.minutesRange', { max: MAX_EXTRA_MINUTES }),
            },
          ]}
        >
          <InputNumber min={1} max={MAX_EXTRA_MINUTES} precision={0} autoFocus />
        </Form.Item>
      </Form>
      {extraTime.error && <Alert type="error" role="alert" showIcon title={errorText(extraTime.error)} />}
    </Modal>
  );
}
