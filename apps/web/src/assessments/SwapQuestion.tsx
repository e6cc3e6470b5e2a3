import { CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import type { AssessmentQuestionView, AssessmentView } from '@rubricon/contracts';
import { App, Button, Card, Drawer, Flex, Tag, theme, Typography } from 'antd';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { BankQuestionLine } from './BankQuestionLine';
import { DutyWhy } from './DutyWhy';
import { useAlternatives, useChangeAssessment, type Alternative } from './queries';
import { pick } from './text';

/**
 * The replacements for one question, as the server ranks them (most duty lines of the posting
 * assessed directly first), each with the duty lines it would assess and why. The server no longer
 * offers one that assesses none; should an older one, choosing it is still confirmed first (defect 9).
 */
export function SwapQuestion({
  question,
  label,
  view,
  onClose,
}: {
  question: AssessmentQuestionView;
  label: string;
  view: AssessmentView;
  onClose: () => void;
}) {
  const { t } = useTranslation('assessments');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const { token } = theme.useToken();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const alternatives = useAlternatives(view.id, question.id);
  const change = useChangeAssessment(view.id);
  const swappingTo = change.isPending && change.variables.type === 'swap' ? change.variables.replacementId : null;
  const title = t('swap.title', { label, title: pick(question.title, lang) });

  const swap = (alt: Alternative) =>
    change.mutateAsync({ type: 'swap', questionId: question.id, replacementId: alt.id }).then(
      () => {
        void message.success(t('swap.done'));
        onClose();
      },
      (error: unknown) => void message.error(errorText(error)),
    );

  const choose = (alt: Alternative) => {
    if (!alt.coversNoDuty) return void swap(alt);
    modal.confirm({
      title: t('swap.noDutyTitle'),
      content: t('swap.noDuty', { title: pick(alt.title, lang) }),
      okText: t('swap.useAnyway'),
      cancelText: common('cancel'),
      okButtonProps: { danger: true },
      onOk: () => swap(alt),
    });
  };

  return (
    <Drawer open title={title} size="large" onClose={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('swap.hint')}</Typography.Paragraph>
      <QueryView query={alternatives}>
        {(items) =>
          items.length === 0 ? (
            <Typography.Text type="secondary">{t('swap.none')}</Typography.Text>
          ) : (
            <ol aria-label={title} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((alt) => (
                <li key={alt.id} data-alternative-id={alt.id} style={{ marginBottom: 12 }}>
                  <Card size="small">
                    <Flex gap={12} align="flex-start" justify="space-between">
                      <Flex vertical gap={4} style={{ minWidth: 0 }}>
                        <BankQuestionLine question={alt} labels={view.competencyLabels} />
                        {!alt.coversNoDuty ? (
                          <>
                            <Tag style={{ alignSelf: 'flex-start' }}>
                              <CheckCircleFilled style={{ color: token.colorSuccess }} />{' '}
                              {t('swap.covers', { count: alt.dutyIndexes.length })}
                            </Tag>
                            <DutyWhy
                              matches={alt.duties}
                              view={view}
                              label={`${t('question.why')}: ${pick(alt.title, lang)}`}
                            />
                          </>
                        ) : (
                          <Typography.Text>
                            <WarningOutlined style={{ color: token.colorWarning }} /> {t('swap.coversNone')}
                          </Typography.Text>
                        )}
                      </Flex>
                      <Button
                        type={alt.coversNoDuty ? 'default' : 'primary'}
                        loading={swappingTo === alt.id}
                        aria-label={`${t('swap.use')} ${pick(alt.title, lang)}`}
                        onClick={() => choose(alt)}
                      >
                        {t('swap.use')}
                      </Button>
                    </Flex>
                  </Card>
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
    </Drawer>
  );
}
