import type { AssessmentSummary } from '@rubricon/contracts';
import { Alert, Button, Card, Form, InputNumber, Select, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { CAN, useCan } from '../auth/session';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { useAssessmentColumns } from './columns';
import { useGenerateAssessment, usePostingAssessments, type GenerateInput } from './queries';

interface GenerateValues {
  seed?: number | null;
  lang: '' | 'zh' | 'en';
}

/** The posting's assessments, newest first, and the form that generates a new draft from its duties. */
export function PostingAssessments({ postingId }: { postingId: string }) {
  const { t } = useTranslation('assessments');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const errorText = useErrorText();
  const columns = useAssessmentColumns();
  const canGenerate = useCan(...CAN.assessments);
  const assessments = usePostingAssessments(postingId);
  const generate = useGenerateAssessment(postingId);
  const navigate = useNavigate();

  function submit(values: GenerateValues) {
    const input: GenerateInput = {};
    if (values.seed != null) input.seed = values.seed;
    if (values.lang) input.lang = values.lang;
    generate.mutate(input, { onSuccess: (view) => void navigate(`/assessments/${view.id}`) });
  }

  return (
    <Card
      style={{ marginTop: 16 }}
      title={
        <h2 id="assessments-heading" style={{ margin: 0, fontSize: 16 }}>
          {t('title')}
        </h2>
      }
    >
      {canGenerate && (
        <Form<GenerateValues>
          layout="inline"
          initialValues={{ lang: '' }}
          onFinish={submit}
          style={{ rowGap: 8, marginBottom: 16 }}
        >
          <Form.Item label={t('generate.seed')} name="seed" tooltip={t('generate.seedHint')}>
            <InputNumber min={0} max={2_147_483_647} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t('generate.language')} name="lang">
            <Select
              style={{ width: 160 }}
              options={[
                { value: '', label: t('generate.auto') },
                { value: 'zh', label: t('langNames.zh') },
                { value: 'en', label: t('langNames.en') },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={generate.isPending}>
              {t('generate.button')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {generate.error && (
        <Alert type="error" role="alert" showIcon title={errorText(generate.error)} style={{ marginBottom: 16 }} />
      )}
      {assessments.error ? (
        <PageError error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : (
        <Table<AssessmentSummary>
          rowKey="id"
          size="small"
          aria-labelledby="assessments-heading"
          loading={assessments.isPending}
          dataSource={assessments.data}
          locale={{ emptyText: t('noPostingAssessments') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            columns.status,
            columns.roleFamily,
            columns.minutes,
            columns.questions,
            columns.coverage,
            columns.created,
            {
              title: common('actions'),
              key: 'open',
              render: (_, a) => (
                <Link to={`/assessments/${a.id}`} aria-label={`${common('open')} ${formatDateTime(lang, a.createdAt)}`}>
                  {common('open')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
