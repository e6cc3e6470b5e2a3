import { InboxOutlined } from '@ant-design/icons';
import type { ImportPostingsResponse } from '@rubricon/contracts';
import { Alert, Button, Input, Modal, Space, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useErrorText, useTranslation } from '../i18n/staff';
import { useImportPostings, type DuplicateChoice, type PostingImport } from './queries';

const ACCEPT = '.txt,.md,.markdown,.tsv,.html,.htm,text/plain,text/markdown,text/tab-separated-values,text/html';

/** Upload or paste a posting document; shows what was imported and what the parser noted. */
export function ImportPostings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('postings');
  const errorText = useErrorText();
  const importing = useImportPostings();
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportPostingsResponse | null>(null);
  const [last, setLast] = useState<{ input: PostingImport; duplicates: DuplicateChoice } | null>(null);
  const run = (input: PostingImport, duplicates: DuplicateChoice = 'report') => {
    setLast({ input, duplicates });
    setResult(null);
    importing.mutate({ input, duplicates }, { onSuccess: (response) => setResult(response) });
  };

  return (
    <Modal open title={t('import.title')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'file',
            label: t('import.file'),
            children: (
              <Upload.Dragger
                accept={ACCEPT}
                showUploadList={false}
                disabled={importing.isPending}
                beforeUpload={(file) => {
                  run({ file });
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{t('import.chooseFile')}</p>
              </Upload.Dragger>
            ),
          },
          {
            key: 'paste',
            label: t('import.paste'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  aria-label={t('import.textLabel')}
                  rows={10}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
                <Button
                  type="primary"
                  disabled={!text.trim()}
                  loading={importing.isPending}
                  onClick={() => run({ text })}
                >
                  {t('import.submit')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {importing.error && (
        <Alert type="error" role="alert" showIcon title={errorText(importing.error)} style={{ marginTop: 16 }} />
      )}
      {result?.awaitingChoice && last && (
        <Alert
          type="warning"
          role="alert"
          showIcon
          style={{ marginTop: 16 }}
          title={t('import.duplicatesTitle')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>{t('import.duplicatesHint')}</Typography.Paragraph>
              <ul style={{ marginTop: 0, paddingInlineStart: 20 }} aria-label={t('import.duplicatesTitle')}>
                {result.duplicates.map((d) => (
                  <li key={d.index}>
                    {d.title}
                    {' → '}
                    {d.existing.map((e, i) => (
                      <span key={e.id}>
                        {i > 0 && ', '}
                        <Link to={`/postings/${e.id}`}>{e.title}</Link>
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
              <Space wrap>
                <Button type="primary" loading={importing.isPending} onClick={() => run(last.input, 'skip')}>
                  {t('import.skipDuplicates')}
                </Button>
                <Button loading={importing.isPending} onClick={() => run(last.input, 'import')}>
                  {t('import.importAnyway')}
                </Button>
              </Space>
            </>
          }
        />
      )}
      {result && !result.awaitingChoice && (
        <Alert
          type="success"
          role="status"
          showIcon
          style={{ marginTop: 16 }}
          title={t('import.imported', { count: result.items.length })}
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.items.map((p) => (
                  <li key={p.id}>
                    <Link to={`/postings/${p.id}`}>{p.title}</Link>
                  </li>
                ))}
              </ul>
              {last?.duplicates === 'skip' && result.duplicates.length > 0 && (
                <Typography.Paragraph style={{ margin: 0 }}>
                  {t('import.skipped', { count: result.duplicates.length })}
                </Typography.Paragraph>
              )}
              {result.warnings.length > 0 && (
                <>
                  <Typography.Text strong>{t('import.warnings')}</Typography.Text>
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {result.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          }
        />
      )}
    </Modal>
  );
}
