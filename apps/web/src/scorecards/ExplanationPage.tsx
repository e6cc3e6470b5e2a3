import { ArrowLeftOutlined, CopyOutlined, MailOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Segmented, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLang, type Lang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { MailList } from '../mail/MailList';
import { useMailSettings, useSendExplanation } from '../mail/queries';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { scorecardPath } from './paths';
import { useExplanation, useScorecard } from './queries';
import './scorecards.css';

/**
 * What was assessed and how the result was reached, written for the candidate (PIPL art. 24), in
 * Chinese or English. HR emails it in the language shown (when mail is on), copies it into a
 * message, or prints it.
 */
export function ExplanationPage() {
  const { postingId, candidateId } = useParams() as { postingId: string; candidateId: string };
  const { t } = useTranslation('scorecards');
  const { t: tm } = useTranslation('mail');
  const [uiLang] = useLang();
  const { message } = App.useApp();
  const [lang, setLang] = useState<Lang>(uiLang);
  const explanation = useExplanation(postingId, candidateId);
  const candidate = useScorecard(postingId, candidateId).data?.candidate;
  const name = candidate?.name ?? '';
  const mailOn = useMailSettings().data?.enabled ?? false;
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
      <Alert
        className="no-print"
        type="info"
        showIcon
        title={mailOn ? t('explanation.hintMail') : t('explanation.hint')}
        style={{ marginBottom: 12 }}
      />
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
              <SendButton
                postingId={postingId}
                candidateId={candidateId}
                email={candidate?.email}
                lang={lang}
                mailOn={mailOn}
              />
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
            <div className="no-print">
              <MailList
                filter={{ candidateId }}
                kinds={['explanation']}
                title={tm('explanation.sentList')}
                hideWhenEmpty
              />
            </div>
          </>
        )}
      </QueryView>
    </article>
  );
}

/** Mails the explanation in the language shown, after HR confirms the address; off without mail. */
function SendButton({
  postingId,
  candidateId,
  email,
  lang,
  mailOn,
}: {
  postingId: string;
  candidateId: string;
  email: string | undefined;
  lang: Lang;
  mailOn: boolean;
}) {
  const { t } = useTranslation('mail');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const sendExplanation = useSendExplanation(postingId, candidateId);
  if (!mailOn || !email)
    return (
      <Tooltip title={t('explanation.off')}>
        {/* A disabled button takes no pointer or focus: the wrapper keeps its tooltip reachable. */}
        <span tabIndex={0} aria-label={`${t('explanation.send')}: ${t('explanation.off')}`}>
          <Button icon={<MailOutlined />} disabled style={{ pointerEvents: 'none' }}>
            {t('explanation.send')}
          </Button>
        </span>
      </Tooltip>
    );
  return (
    <Popconfirm
      title={t('explanation.confirm', { lang: t(`langNames.${lang}`), email })}
      okText={t('explanation.send')}
      cancelText={common('cancel')}
      onConfirm={() =>
        sendExplanation.mutateAsync(lang).then(
          () => void message.success(t('explanation.sent', { email })),
          (error: unknown) => void message.error(errorText(error)),
        )
      }
    >
      <Button type="primary" icon={<MailOutlined />} loading={sendExplanation.isPending}>
        {t('explanation.send')}
      </Button>
    </Popconfirm>
  );
}
