import { ArrowLeftOutlined } from '@ant-design/icons';
import type { PostingDetail } from '@rubricon/contracts';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PostingAssessments } from '../assessments/PostingAssessments';
import { CAN, useCan } from '../auth/session';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { EditPosting } from './EditPosting';
import { GroupedLines } from './GroupedLines';
import { useDeletePosting, usePosting } from './queries';

export function PostingDetailPage() {
  const id = useParams().postingId!;
  const posting = usePosting(id);
  usePageTitle(posting.data?.title);
  return <QueryView query={posting}>{(p) => <PostingDetail posting={p} />}</QueryView>;
}

function PostingDetail({ posting }: { posting: PostingDetail }) {
  const { t } = useTranslation('postings');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const canManage = useCan(...CAN.managePostings);
  const canAssess = useCan(...CAN.assessments);
  const [editing, setEditing] = useState(false);
  const remove = useDeletePosting();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();

  return (
    <article aria-labelledby="posting-title">
      <Link to="/postings">
        <ArrowLeftOutlined /> {t('back')}
      </Link>
      <Flex align="center" gap={16} wrap style={{ margin: '12px 0' }}>
        <Typography.Title id="posting-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {posting.title}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        {canManage && (
          <Space>
            <Button onClick={() => setEditing(true)}>{common('edit')}</Button>
            <Popconfirm
              title={t('remove.confirm', { title: posting.title })}
              okText={common('delete')}
              cancelText={common('cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() =>
                remove.mutateAsync(posting.id).then(
                  () => {
                    void message.success(t('remove.deleted'));
                    void navigate('/postings');
                  },
                  (error: unknown) => void message.error(errorText(error)),
                )
              }
            >
              <Button danger>{t('remove.button')}</Button>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'department', label: t('department'), children: posting.department ?? '—' },
          { key: 'location', label: t('location'), children: posting.location ?? '—' },
          { key: 'headcount', label: t('headcount'), children: posting.headcount ?? '—' },
          { key: 'created', label: t('created'), children: formatDateTime(lang, posting.createdAt) },
          { key: 'updated', label: t('updated'), children: formatDateTime(lang, posting.updatedAt) },
        ]}
      />
      {canAssess && <PostingAssessments postingId={posting.id} />}
      <Flex gap={16} wrap style={{ marginTop: 16 }}>
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('duties')}</h2>} style={{ flex: '1 1 420px' }}>
          <GroupedLines
            lines={posting.duties}
            groups={posting.groups.filter((g) => g.kind === 'duty')}
            label={t('duties')}
          />
        </Card>
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('requirements')}</h2>} style={{ flex: '1 1 420px' }}>
          <GroupedLines
            lines={posting.requirements}
            groups={posting.groups.filter((g) => g.kind === 'requirement')}
            label={t('requirements')}
          />
        </Card>
      </Flex>
      {editing && <EditPosting posting={posting} onClose={() => setEditing(false)} />}
    </article>
  );
}
