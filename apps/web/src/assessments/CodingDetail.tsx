import { CODE_LANGUAGES, type CodingDetailView } from '@rubricon/contracts';
import { Collapse, Table, theme, Typography } from 'antd';
import { codeLanguageLabel } from '../i18n/code-languages';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { pick } from './text';

type Example = CodingDetailView['examples'][number];

/** Visible examples and starter code; hidden tests stay hidden, HR sees only how many there are. */
export function CodingDetail({ coding }: { coding: CodingDetailView }) {
  const { t } = useTranslation('assessments');
  const [lang] = useLang();
  const { token } = theme.useToken();
  const code = {
    margin: 0,
    padding: 12,
    overflowX: 'auto',
    background: token.colorFillQuaternary,
    borderRadius: token.borderRadius,
    fontFamily: token.fontFamilyCode,
    fontSize: 13,
  } as const;
  // Long JSON wraps inside its cell instead of pushing the table wider than the card.
  const json = (value: unknown) => (
    <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value)}
    </Typography.Text>
  );
  return (
    <>
      <Typography.Title level={4} style={{ fontSize: 15, margin: '16px 0 8px' }}>
        {t('question.examples')}
      </Typography.Title>
      <Table<Example & { n: number }>
        rowKey="n"
        size="small"
        pagination={false}
        aria-label={t('question.examples')}
        tableLayout="fixed"
        dataSource={coding.examples.map((ex, i) => ({ ...ex, n: i + 1 }))}
        columns={[
          { title: '#', dataIndex: 'n', width: 48 },
          { title: t('question.input'), key: 'input', render: (_, ex) => json(ex.input) },
          {
            title: t('question.expected'),
            key: 'expected',
            render: (_, ex) => (
              <>
                {json(ex.expected)}
                {ex.explanation && <div>{pick(ex.explanation, lang)}</div>}
              </>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" data-testid="hidden-tests" style={{ margin: '8px 0' }}>
        {t('question.hiddenTests', { count: coding.hiddenTestCount })}
      </Typography.Paragraph>
      <Collapse
        size="small"
        defaultActiveKey={[CODE_LANGUAGES[0]]}
        items={CODE_LANGUAGES.map((language) => ({
          key: language,
          label: t('question.starter', { language: codeLanguageLabel(language, lang) }),
          children: (
            // Focusable, so a keyboard can scroll a line wider than the card (axe: scrollable-region-focusable).
            <pre style={code} tabIndex={0}>
              <code>{coding.starter[language]}</code>
            </pre>
          ),
        }))}
      />
    </>
  );
}
