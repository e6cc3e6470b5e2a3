import { InboxOutlined } from '@ant-design/icons';
import type { ImportedPostingReport, ImportPostingsResponse, ImportWarning } from '@rubricon/contracts';
import { Alert, Button, Card, Collapse, Flex, Input, Modal, Space, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useErrorText, useTranslation } from '../i18n/staff';
import { GroupedLines } from './GroupedLines';
import { useLineCountText } from './line-counts';
import { useImportPostings, type DuplicateChoice, type PostingImport } from './queries';
import { useWarningText } from './warning-text';

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
    <Modal open title={t('import.title')} onCancel={onClose} footer={null} width={760} destroyOnHidden>
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
            last?.duplicates === 'skip' &&
            result.duplicates.length > 0 && (
              <Typography.Paragraph style={{ margin: 0 }}>
                {t('import.skipped', { count: result.duplicates.length })}
              </Typography.Paragraph>
            )
          }
        />
      )}
      {result && <ImportReport result={result} />}
    </Modal>
  );
}

/**
 * What the import read, so a person can check it before generating: the notes about the document
 * as a whole, then each posting with its counts, its own notes and its lines under their sub-headings.
 */
function ImportReport({ result }: { result: ImportPostingsResponse }) {
  const { t } = useTranslation('postings');
  const documentWarnings = result.warnings.filter((w) => w.posting === undefined);
  return (
    <section aria-labelledby="import-report" style={{ marginTop: 16 }}>
      <Typography.Title id="import-report" level={2} style={{ fontSize: 16 }}>
        {t('import.report')}
      </Typography.Title>
      {documentWarnings.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.documentWarnings')}
          description={<WarningList warnings={documentWarnings} label={t('import.documentWarnings')} />}
        />
      )}
      <Flex vertical gap={12}>
        {result.postings.map((posting) => (
          <PostingReport
            key={posting.index}
            posting={posting}
            warnings={result.warnings.filter((w) => w.posting === posting.index)}
          />
        ))}
      </Flex>
    </section>
  );
}

function PostingReport({ posting, warnings }: { posting: ImportedPostingReport; warnings: ImportWarning[] }) {
  const { t } = useTranslation('postings');
  const lineCounts = useLineCountText();
  const headingId = `import-posting-${posting.index}`;
  const title = (
    <Flex align="center" gap={8} wrap>
      <h3 id={headingId} style={{ margin: 0, fontSize: 14 }}>
        {posting.id ? <Link to={`/postings/${posting.id}`}>{posting.title}</Link> : posting.title}
      </h3>
      <Tag color={posting.id ? 'success' : 'default'}>{t(posting.id ? 'import.saved' : 'import.notSaved')}</Tag>
    </Flex>
  );
  return (
    <Card size="small" title={title} role="article" aria-labelledby={headingId}>
      <Typography.Text type="secondary">{lineCounts(posting.dutyCount, posting.requirementCount)}</Typography.Text>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          style={{ marginTop: 8 }}
          title={<WarningList warnings={warnings} label={t('import.warnings')} />}
        />
      )}
      <Collapse
        size="small"
        ghost
        style={{ marginTop: 4 }}
        items={[
          {
            key: 'lines',
            label: t('import.showLines'),
            children: <ReportLines posting={posting} />,
          },
        ]}
      />
    </Card>
  );
}

function ReportLines({ posting }: { posting: ImportedPostingReport }) {
  const { t } = useTranslation('postings');
  const lists = [
    { kind: 'duty', heading: t('duties'), lines: posting.duties },
    { kind: 'requirement', heading: t('requirements'), lines: posting.requirements },
  ] as const;
  return (
    <Flex vertical gap={8}>
      {lists.map(({ kind, heading, lines }) => (
        <div key={kind}>
          <Typography.Text type="secondary">{heading}</Typography.Text>
          {lines.length === 0 ? (
            <Typography.Paragraph style={{ margin: 0 }}>{t('import.noLines')}</Typography.Paragraph>
          ) : (
            <GroupedLines
              lines={lines}
              groups={posting.groups.filter((g) => g.kind === kind)}
              label={`${posting.title} · ${heading}`}
            />
          )}
        </div>
      ))}
    </Flex>
  );
}

/** Warnings worded in the interface language, each after the source line it points at. */
function WarningList({ warnings, label }: { warnings: ImportWarning[]; label: string }) {
  const { t } = useTranslation('postings');
  const wording = useWarningText();
  return (
    <ul aria-label={label} style={{ margin: 0, paddingInlineStart: 20 }}>
      {warnings.map((w, i) => (
        <li key={i}>
          {w.line !== undefined && (
            <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
              {t('import.line', { line: w.line })}
            </Typography.Text>
          )}
          {wording(w)}
        </li>
      ))}
    </ul>
  );
}
