import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { AttemptDetail } from '@rubricon/contracts';
import { Alert, Card, Flex, Tag, theme, Typography } from 'antd';
import { codeLanguageLabel } from '../i18n/code-languages';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';

/**
 * Every question of the attempt in the assessment's one order, with the server's `number` (the
 * candidate's own numbering); unanswered ones are listed up front and marked.
 */
export function AnswersList({ detail }: { detail: AttemptDetail }) {
  const { t } = useTranslation('attempts');
  const [lang] = useLang();
  const { token } = theme.useToken();
  const number = (n: number) => t('detail.questionNumber', { n });
  const missing = detail.answers.filter((a) => !a.answered).map((a) => number(a.number));
  return (
    <section aria-labelledby="answers-title" style={{ marginTop: 16 }}>
      <Typography.Title id="answers-title" level={2} style={{ fontSize: 18 }}>
        {t('detail.answers')}
      </Typography.Title>
      {detail.answers.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noQuestions')}</Typography.Text>
      ) : missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('detail.unansweredList', { list: missing.join(lang === 'zh' ? '、' : ', ') })}
          style={{ marginBottom: 12 }}
          data-testid="unanswered-summary"
        />
      ) : (
        <Alert type="success" showIcon title={t('detail.allAnswered')} style={{ marginBottom: 12 }} />
      )}
      <Flex vertical gap={12}>
        {detail.answers.map((a) => (
          <Card
            key={a.questionId}
            size="small"
            data-testid="hr-answer"
            data-answered={a.answered}
            title={
              <Typography.Title level={3} style={{ margin: 0, fontSize: 15 }}>
                <span data-testid="question-number">{number(a.number)}</span> · {a.title[lang] || a.title.en}
              </Typography.Title>
            }
            extra={
              <Flex gap={4} wrap>
                <Tag>{t(`kinds.${a.kind}`)}</Tag>
                {!a.answered && (
                  <Tag color="volcano" icon={<ExclamationCircleOutlined />}>
                    {t('detail.unanswered')}
                  </Tag>
                )}
              </Flex>
            }
          >
            {a.answered ? (
              <>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                  {a.language && `${codeLanguageLabel(a.language, lang)} · `}
                  {t('detail.version', { version: a.version })} ·{' '}
                  {t('detail.savedAt', { date: formatDateTime(lang, a.savedAt) })}
                  {a.grading && (
                    <>
                      {' · '}
                      <Typography.Text strong>
                        {t('detail.grading', { passed: a.grading.passed, total: a.grading.total })}
                      </Typography.Text>
                    </>
                  )}
                </Typography.Paragraph>
                <pre
                  tabIndex={0}
                  style={{
                    margin: 0,
                    padding: '8px 12px',
                    whiteSpace: 'pre-wrap',
                    background: token.colorFillQuaternary,
                    borderRadius: token.borderRadius,
                    fontFamily: a.kind === 'coding' ? token.fontFamilyCode : 'inherit',
                    maxHeight: 480,
                    overflow: 'auto',
                  }}
                >
                  {a.content}
                </pre>
              </>
            ) : (
              <Typography.Text type="secondary">{t('detail.noAnswerSaved')}</Typography.Text>
            )}
          </Card>
        ))}
      </Flex>
    </section>
  );
}
