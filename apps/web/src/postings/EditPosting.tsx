import type { PostingDetail } from '@rubricon/contracts';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { useUpdatePosting, type PostingChanges } from './queries';

interface Values {
  title: string;
  department?: string;
  location?: string;
  headcount?: number | null;
  duties: string;
  requirements: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Edits a posting's facts and lines; only what changed is sent. */
export function EditPosting({ posting, onClose }: { posting: PostingDetail; onClose: () => void }) {
  const { t } = useTranslation('postings');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const errorText = useErrorText();
  const update = useUpdatePosting(posting.id);
  const { message } = App.useApp();

  function save(values: Values) {
    const next: PostingChanges = {
      title: values.title.trim(),
      department: values.department?.trim() || null,
      location: values.location?.trim() || null,
      headcount: values.headcount ?? null,
      duties: lines(values.duties),
      requirements: lines(values.requirements),
    };
    const changes = Object.fromEntries(
      Object.entries(next).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(posting[key as keyof PostingDetail]),
      ),
    ) as PostingChanges;
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(changes, {
      onSuccess: () => {
        void message.success(t('edit.saved'));
        onClose();
      },
    });
  }

  const required = [{ required: true, whitespace: true, message: t('edit.required') }];
  return (
    <Drawer open title={t('edit.title')} width={640} onClose={onClose} destroyOnHidden>
      <Form<Values>
        layout="vertical"
        initialValues={{
          title: posting.title,
          department: posting.department ?? '',
          location: posting.location ?? '',
          headcount: posting.headcount,
          duties: posting.duties.join('\n'),
          requirements: posting.requirements.join('\n'),
        }}
        onFinish={save}
      >
        <Form.Item label={t('edit.titleField')} name="title" rules={required}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('department')} name="department">
            <Input />
          </Form.Item>
          <Form.Item label={t('location')} name="location">
            <Input />
          </Form.Item>
          <Form.Item label={t('headcount')} name="headcount">
            <InputNumber min={1} max={10000} precision={0} />
          </Form.Item>
        </Space>
        {posting.groups.length > 0 && (
          // The server keeps each line's sub-heading while its text remains (groups are not sent).
          <Typography.Paragraph type="secondary">
            {t('edit.groupsKept', { labels: posting.groups.map((g) => g.label).join(lang === 'zh' ? '、' : ', ') })}
          </Typography.Paragraph>
        )}
        <Form.Item label={t('edit.dutiesField')} name="duties" rules={required}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
        </Form.Item>
        <Form.Item label={t('edit.requirementsField')} name="requirements">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
        {update.error && (
          <Alert type="error" role="alert" showIcon title={errorText(update.error)} style={{ marginBottom: 16 }} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {common('save')}
          </Button>
          <Button onClick={onClose}>{common('cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
