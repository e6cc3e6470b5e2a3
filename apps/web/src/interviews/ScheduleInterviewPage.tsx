import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined } from '@ant-design/icons';
import {
  MAX_INTERVIEW_MINUTES,
  MAX_INTERVIEW_QUESTIONS,
  MAX_PANEL_SIZE,
  type CodeLanguage,
  type InterviewLinkResponse,
  type MailLang,
  type InterviewQuestionChoice,
  type QuestionKind,
} from '@rubricon/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
// Month and weekday names for the date picker in Chinese (antd's zh_CN locale names the dayjs locale).
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api';
import { useKindLabel } from '../assessments/labels';
import { pick } from '../assessments/text';
import { useMe } from '../auth/session';
import { codeLanguageOptions } from '../i18n/code-languages';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { useMailSettings } from '../mail/queries';
import { usePostings } from '../postings/queries';
import { usePageTitle } from '../shell/page-title';
import { CandidateLink } from './CandidateLink';
import { interviewPath } from './links';
import { usePanelOptions, useQuestionChoices, useScheduleInterview } from './queries';

interface Values {
  postingId?: string;
  candidateName: string;
  candidateEmail: string;
  questionIds: string[];
  panel: string[];
  startsAt?: Dayjs;
  durationMinutes: number;
  language: CodeLanguage;
  candidateLang: MailLang;
}

/** The field a server refusal is about, so it shows under that field rather than as a banner. */
const FIELD_OF: Partial<Record<string, keyof Values>> = {
  'posting-not-found': 'postingId',
  'name-required': 'candidateName',
  'email-invalid': 'candidateEmail',
  'interview-questions-required': 'questionIds',
  'bank-question-not-found': 'questionIds',
  'panel-required': 'panel',
  'panel-member-unknown': 'panel',
  'interview-start-invalid': 'startsAt',
  'duration-out-of-range': 'durationMinutes',
};

const KIND_ORDER: QuestionKind[] = ['coding', 'case', 'scenario', 'behavioral'];

/**
 * Scheduling: the posting, the candidate, questions in the order they will be asked, the panel
 * (the signed-in user by default), the time. The answer carries the candidate's link, shown once.
 */
export function ScheduleInterviewPage() {
  const { t } = useTranslation('interviews');
  const navigate = useNavigate();
  const [created, setCreated] = useState<InterviewLinkResponse | null>(null);
  usePageTitle(t('schedule.title'));
  return (
    <section aria-labelledby="schedule-title" style={{ maxWidth: 880 }}>
      <Link to="/interviews">
        <ArrowLeftOutlined /> {t('schedule.back')}
      </Link>
      <Typography.Title id="schedule-title" level={1} style={{ margin: '12px 0', fontSize: 24 }}>
        {t('schedule.title')}
      </Typography.Title>
      {created ? (
        <CandidateLink
          response={created}
          actions={
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => void navigate(interviewPath(created.interview.id))}>
                {t('link.openInterview')}
              </Button>
              <Button onClick={() => setCreated(null)}>{t('link.scheduleAnother')}</Button>
            </Flex>
          }
        />
      ) : (
        <ScheduleForm onCreated={setCreated} />
      )}
    </section>
  );
}

function ScheduleForm({ onCreated }: { onCreated: (created: InterviewLinkResponse) => void }) {
  const { t } = useTranslation('interviews');
  const { t: common } = useTranslation();
  const { t: tm } = useTranslation('mail');
  const [lang] = useLang();
  const mailOn = useMailSettings().data?.enabled ?? false;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const kindLabel = useKindLabel();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const schedule = useScheduleInterview();
  const me = useMe().data;
  const postings = usePostings({ search: '', page: 1, pageSize: 100 });
  const panelOptions = usePanelOptions();
  const postingId = Form.useWatch('postingId', form);
  const chosen = Form.useWatch('questionIds', form) ?? [];
  const choices = useQuestionChoices(postingId);
  const byId = new Map((choices.data ?? []).map((q) => [q.id, q]));
  // A refusal that names no field of the form (or one the form cannot show) stays as a banner.
  const [refusal, setRefusal] = useState<unknown>(null);

  // The signed-in user sits on the panel by default, when they are staff one may choose.
  useEffect(() => {
    if (!me || !panelOptions.data || form.isFieldTouched('panel')) return;
    if (panelOptions.data.some((p) => p.id === me.id)) form.setFieldValue('panel', [me.id]);
  }, [me, panelOptions.data, form]);

  const move = (from: number, to: number) => {
    const next = [...chosen];
    [next[from], next[to]] = [next[to], next[from]];
    form.setFieldValue('questionIds', next);
  };

  const submit = (values: Values) => {
    setRefusal(null);
    schedule.mutate(
      {
        postingId: values.postingId!,
        candidate: { name: values.candidateName.trim(), email: values.candidateEmail.trim() },
        questionIds: values.questionIds,
        panel: values.panel,
        startsAt: values.startsAt!.toISOString(),
        durationMinutes: values.durationMinutes,
        language: values.language,
        candidateLang: values.candidateLang,
      },
      {
        onSuccess: (response) => {
          void message.success(t('schedule.scheduled', { name: response.interview.candidate.name }));
          onCreated(response);
        },
        onError: (error) => {
          const field = error instanceof ApiError && error.code ? FIELD_OF[error.code] : undefined;
          if (field) form.setFields([{ name: field, errors: [errorText(error)] }]);
          else setRefusal(error);
        },
      },
    );
  };

  const groups = KIND_ORDER.map((kind) => ({
    kind,
    questions: (choices.data ?? []).filter((q) => q.kind === kind),
  })).filter((g) => g.questions.length);
  const totalMinutes = chosen.reduce((sum, id) => sum + (byId.get(id)?.minutes ?? 0), 0);
  const required = { required: true, message: t('schedule.required') };

  return (
    <Card>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          candidateName: '',
          candidateEmail: '',
          questionIds: [],
          panel: [],
          startsAt: dayjs().add(1, 'day').hour(10).startOf('hour'),
          durationMinutes: 60,
          language: 'javascript',
          candidateLang: 'zh',
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (refusal) setRefusal(null);
          // Another posting has other assessment questions; the chosen ones may not apply.
          if ('postingId' in changed) form.setFieldValue('questionIds', []);
        }}
        onFinish={submit}
      >
        <Form.Item name="postingId" label={t('schedule.posting')} rules={[required]}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('schedule.postingPlaceholder')}
            loading={postings.isPending}
            options={postings.data?.items.map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="candidateName"
            label={t('schedule.candidateName')}
            rules={[{ ...required, whitespace: true }]}
            style={{ flex: '1 1 240px' }}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="candidateEmail"
            label={t('schedule.candidateEmail')}
            rules={[
              { ...required, whitespace: true },
              { type: 'email', message: t('schedule.emailInvalid') },
            ]}
            style={{ flex: '1 1 280px' }}
          >
            <Input type="email" autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="questionIds"
          label={t('schedule.questions')}
          extra={
            !postingId ? (
              t('schedule.choosePostingFirst')
            ) : choices.error ? (
              <Typography.Text type="danger" role="alert">
                {errorText(choices.error)}
              </Typography.Text>
            ) : undefined
          }
          rules={[
            {
              required: true,
              validator: (_, value: string[] = []) =>
                value.length >= 1 && value.length <= MAX_INTERVIEW_QUESTIONS
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('schedule.questionsRange', { max: MAX_INTERVIEW_QUESTIONS }))),
            },
          ]}
        >
          <Select<string[]>
            mode="multiple"
            disabled={!postingId}
            loading={choices.isFetching}
            placeholder={t('schedule.questionsPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            maxCount={MAX_INTERVIEW_QUESTIONS}
            options={groups.map((g) => ({
              label: kindLabel(g.kind),
              title: kindLabel(g.kind),
              options: g.questions.map((q) => ({ value: q.id, label: pick(q.title, lang), choice: q })),
            }))}
            optionRender={(option) => {
              const q = (option.data as { choice?: InterviewQuestionChoice }).choice;
              return q ? <QuestionOption question={q} /> : option.label;
            }}
          />
        </Form.Item>
        {chosen.length > 0 && (
          <div style={{ margin: '-8px 0 16px' }}>
            <Typography.Text type="secondary">{t('schedule.questionsHint')}</Typography.Text>
            <ol aria-label={t('schedule.questions')} data-testid="chosen-questions" style={{ margin: '4px 0' }}>
              {chosen.map((id, i) => {
                const q = byId.get(id);
                const title = q ? pick(q.title, lang) : id;
                return (
                  <li key={id}>
                    <Flex align="center" gap={8} wrap>
                      <span>{title}</span>
                      {q && <Tag>{kindLabel(q.kind)}</Tag>}
                      {q?.inAssessment && <Tag color="blue">{t('schedule.inAssessment')}</Tag>}
                      <span style={{ flex: 1 }} />
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        disabled={i === 0}
                        aria-label={t('schedule.moveUp', { title })}
                        onClick={() => move(i, i - 1)}
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={i === chosen.length - 1}
                        aria-label={t('schedule.moveDown', { title })}
                        onClick={() => move(i, i + 1)}
                      />
                    </Flex>
                  </li>
                );
              })}
            </ol>
            <Typography.Text type="secondary">{t('schedule.totalMinutes', { n: totalMinutes })}</Typography.Text>
          </div>
        )}
        <Form.Item
          name="panel"
          label={t('schedule.panel')}
          rules={[
            {
              required: true,
              validator: (_, value: string[] = []) =>
                value.length >= 1 && value.length <= MAX_PANEL_SIZE
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('schedule.panelRange', { max: MAX_PANEL_SIZE }))),
            },
          ]}
        >
          <Select<string[]>
            mode="multiple"
            placeholder={t('schedule.panelPlaceholder')}
            loading={panelOptions.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            maxCount={MAX_PANEL_SIZE}
            options={panelOptions.data?.map((p) => ({ value: p.id, label: `${p.name} <${p.email}>` }))}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="startsAt" label={t('schedule.startsAt')} rules={[required]} style={{ flex: '0 1 240px' }}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            name="durationMinutes"
            label={t('schedule.duration')}
            rules={[
              required,
              {
                type: 'number',
                min: 5,
                max: MAX_INTERVIEW_MINUTES,
                message: t('schedule.durationRange', { max: MAX_INTERVIEW_MINUTES }),
              },
            ]}
            style={{ flex: '0 1 160px' }}
          >
            <InputNumber min={5} max={MAX_INTERVIEW_MINUTES} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {/* As wide as its buttons: one per coding language. */}
          <Form.Item name="language" label={t('schedule.language')} style={{ flex: '0 1 auto' }}>
            <Radio.Group optionType="button" options={codeLanguageOptions(lang)} />
          </Form.Item>
          {/* The invitation mail and its calendar file are written in this language (mail on only). */}
          <Form.Item name="candidateLang" label={tm('interview.lang')} hidden={!mailOn} style={{ flex: '0 1 200px' }}>
            <Radio.Group
              optionType="button"
              options={(['zh', 'en'] as const).map((l) => ({ value: l, label: tm(`langs.${l}`) }))}
            />
          </Form.Item>
        </Flex>
        {refusal !== null && (
          <Alert type="error" role="alert" showIcon title={errorText(refusal)} style={{ marginBottom: 16 }} />
        )}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={schedule.isPending}>
            {t('schedule.submit')}
          </Button>
          <Button onClick={() => void navigate('/interviews')}>{common('cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** A question in the picker: its title, minutes, and whether the posting's assessment has it. */
function QuestionOption({ question: q }: { question: InterviewQuestionChoice }) {
  const { t } = useTranslation('interviews');
  const [lang] = useLang();
  return (
    <Flex align="center" gap={8}>
      <span style={{ flex: 1, whiteSpace: 'normal' }}>{pick(q.title, lang)}</span>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {t('table.minutes', { n: q.minutes })}
      </Typography.Text>
      {q.inAssessment && <Tag color="blue">{t('schedule.inAssessment')}</Tag>}
    </Flex>
  );
}
