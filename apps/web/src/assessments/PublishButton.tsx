import type { AssessmentView } from '@rubricon/contracts';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText, useTranslation } from '../i18n/staff';
import { useChangeAssessment } from './queries';

/**
 * Publishing freezes the assessment, so it is confirmed first; when the duration is shorter than
 * the questions need, the confirmation says so with both numbers (defect 4). The dialog reads the
 * current view, so a duration saved while it opens is what it shows.
 */
export function PublishButton({ view, needed }: { view: AssessmentView; needed: number }) {
  const { t } = useTranslation('assessments');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const change = useChangeAssessment(view.id);
  const [open, setOpen] = useState(false);
  const short = view.durationMinutes < needed;
  // The server takes 5..600 minutes; beyond that only "publish anyway" (or fewer questions) remains.
  const canLengthen = short && needed <= 600;

  const publish = (durationMinutes?: number) =>
    change.mutate(
      { type: 'publish', durationMinutes },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success(t('publish.done'));
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  const pending = (minutes: number | undefined) =>
    change.isPending && change.variables.type === 'publish' && change.variables.durationMinutes === minutes;

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('publish.button')}
      </Button>
      <Modal
        open={open}
        title={short ? t('publish.shortTitle') : t('publish.title')}
        okText={short ? t('publish.okAnyway') : t('publish.ok')}
        cancelText={common('cancel')}
        okButtonProps={{ danger: short, type: short ? 'default' : 'primary', loading: pending(undefined) }}
        onOk={() => publish()}
        onCancel={() => setOpen(false)}
        footer={(buttons) => (
          <>
            {buttons}
            {canLengthen && (
              <Button type="primary" loading={pending(needed)} onClick={() => publish(needed)}>
                {t('publish.lengthen', { needed })}
              </Button>
            )}
          </>
        )}
        destroyOnHidden
      >
        {short && (
          <Alert
            type="warning"
            showIcon
            data-testid="publish-short"
            title={t('publish.short', { duration: view.durationMinutes, needed })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Typography.Paragraph style={{ margin: 0 }}>{t('publish.freezes')}</Typography.Paragraph>
      </Modal>
    </>
  );
}
