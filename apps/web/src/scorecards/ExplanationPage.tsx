import { ArrowLeftOutlined, CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLang, type Lang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { scorecardPath } from './paths';
import { useExplanation, useScorecard } from './queries';
import './scorecards.css';

/**
 * What was assessed and how the result was reached, written for the candidate (PIPL art. 24), in
 * Chinese or English. Rubricon cannot send it yet: HR copies it into a message or prints it.
 */
export function ExplanationPage() {
  const { postingId, candidateId } = useParams() as { postingId: string; candidateId: string };
  const { t } = useTranslation('scorecards');
  const [uiLang] = useLang();
  const { message } = App.useApp();
  const [lang, setLang] = useState<Lang>(uiLang);
  const explanation = useExplanation(postingId, candidateId);
  const name = useScorecard(postingId, candidateId).data?.candidate.name ?? '';
  const title = t('explanation.title', { name });
  usePageTitle(title);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('explanation.copied'));
    } catch {
      void message.error(t('explanation.copyFailed'));
    }
  };

  return (
    <article className="sc-print-root" aria-labelledby="explanation-title">
      <Link to={scorecardPath(postingId, candidateId)} className="no-print">
        <ArrowLeftOutlined /> {name || t('title')}
      </Link>
      <Typography.Title
        id="explanation-title"
        level={1}
        style={{ margin: '12px 0', fontSize: 24 }}
        className="no-print"
      >
        {title}
      </Typography.Title>
      <Alert className="no-print" type="info" showIcon title={t('explanation.hint')} style={{ marginBottom: 12 }} />
      <QueryView query={explanation}>
        {(data) => (
          <>
            <Flex gap={8} wrap align="center" className="no-print" style={{ marginBottom: 12 }}>
              <Segmented<Lang>
                aria-label={t('explanation.language')}
                value={lang}
                onChange={setLang}
                options={[
                  { value: 'zh', label: t('explanation.zh') },
                  { value: 'en', label: t('explanation.en') },
                ]}
              />
              <span style={{ flex: 1 }} />
              <Button icon={<CopyOutlined />} onClick={() => void copy(data[lang])}>
                {t('explanation.copy')}
              </Button>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                {t('explanation.print')}
              </Button>
            </Flex>
            <Card size="small">
              {/* Plain text with its line breaks, exactly as it will read when pasted into a message. */}
              <div
                lang={lang === 'zh' ? 'zh-CN' : 'en'}
                data-testid="explanation-text"
                style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }}
              >
                {data[lang]}
              </div>
            </Card>
          </>
        )}
      </QueryView>
    </article>
  );
}
