import { QUESTION_KIND_ORDER, type AssessmentView, type QuestionKind } from '@rubricon/contracts';
import { App, Button, Card, Collapse, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { BankQuestionLine } from './BankQuestionLine';
import { useKindLabel } from './labels';
import { useBankQuestions, useChangeAssessment, type BankSearch } from './queries';
import { competencyLabel, pick } from './text';

interface Filters {
  kind: QuestionKind | '';
  competency: string;
  search: string;
}

/** Search the bank by kind, competency and words; questions already in the assessment cannot be added twice. */
export function AddQuestion({ view }: { view: AssessmentView }) {
  const { t } = useTranslation('assessments');
  const [opened, setOpened] = useState(false);
  return (
    <Collapse
      style={{ marginTop: 24 }}
      onChange={(keys) => setOpened((was) => was || keys.length > 0)}
      items={[
        {
          key: 'add',
          label: (
            <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
              {t('add.title')}
            </Typography.Title>
          ),
          children: opened && <BankSearchPanel view={view} />,
        },
      ]}
    />
  );
}

function BankSearchPanel({ view }: { view: AssessmentView }) {
  const { t } = useTranslation('assessments');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const kindLabel = useKindLabel();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const change = useChangeAssessment(view.id);
  const [params, setParams] = useState<BankSearch>({ search: '' });
  const results = useBankQuestions(params, true);
  const used = new Set(view.sections.flatMap((s) => s.questions.map((q) => q.id)));
  const competencies = Object.keys(view.competencyLabels).sort();
  const addingId = change.isPending && change.variables.type === 'add' ? change.variables.questionId : null;

  const add = (questionId: string) =>
    change.mutate(
      { type: 'add', questionId },
      {
        onSuccess: () => void message.success(t('add.done')),
        onError: (error) => void message.error(errorText(error)),
      },
    );

  return (
    <>
      <Form<Filters>
        layout="inline"
        role="search"
        aria-label={t('add.search')}
        initialValues={{ kind: '', competency: '', search: '' }}
        onFinish={(f) =>
          setParams({ kind: f.kind || undefined, competency: f.competency || undefined, search: f.search })
        }
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item label={t('add.kind')} name="kind">
          <Select
            style={{ width: 160 }}
            options={[
              { value: '', label: t('add.anyKind') },
              ...QUESTION_KIND_ORDER.map((k) => ({ value: k, label: kindLabel(k) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('add.competency')} name="competency">
          <Select
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: '', label: t('add.anyCompetency') },
              ...competencies.map((c) => ({ value: c, label: competencyLabel(c, view.competencyLabels, lang) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('add.search')} name="search">
          <Input maxLength={100} allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{common('search')}</Button>
        </Form.Item>
      </Form>
      <QueryView query={results}>
        {(items) =>
          items.length === 0 ? (
            <Typography.Text type="secondary">{t('add.none')}</Typography.Text>
          ) : (
            <>
              <Typography.Paragraph type="secondary" role="status">
                {t('add.found', { count: items.length })}
              </Typography.Paragraph>
              <ul
                aria-label={t('add.title')}
                style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 480, overflowY: 'auto' }}
              >
                {items.map((q) => (
                  <li key={q.id} style={{ marginBottom: 8 }}>
                    <Card size="small">
                      <Flex gap={12} align="center" justify="space-between">
                        <BankQuestionLine question={q} labels={view.competencyLabels} />
                        {used.has(q.id) ? (
                          <Typography.Text type="secondary">{t('add.alreadyIn')}</Typography.Text>
                        ) : (
                          <Button
                            loading={addingId === q.id}
                            aria-label={`${t('add.button')} ${pick(q.title, lang)}`}
                            onClick={() => add(q.id)}
                          >
                            {t('add.button')}
                          </Button>
                        )}
                      </Flex>
                    </Card>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryView>
    </>
  );
}
