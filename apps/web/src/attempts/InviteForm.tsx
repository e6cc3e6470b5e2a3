import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { InvitationLink, MailLang, MailSettings, SkippedCsvLine } from '@rubricon/contracts';
import { Alert, App, Button, Card, Divider, Flex, Form, Input, InputNumber, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useErrorText, useTranslation } from '../i18n/staff';
import { useMailSettings } from '../mail/queries';
import { useInvite, useInviteCsv } from './queries';
import { InviteRefusal, refusedRow, SkippedLines } from './InviteRefusal';

type Row = { name: string; email: string };
type Values = { rows: Row[]; expiresInDays: number };

/** The candidates' mail language as HR picks it: the assessment's, or one for this batch. */
type LangChoice = 'assessment' | MailLang;

/**
 * Name + email rows or a CSV upload; either way the API answers with the new links. With mail on,
 * the candidates are emailed in the language chosen here (a CSV's language column wins per line).
 */
export function InviteForm({
  assessmentId,
  assessmentLang,
  onCreated,
}: {
  assessmentId: string;
  /** The assessment's language, the mail language unless HR picks another; unknown while it loads. */
  assessmentLang?: MailLang;
  onCreated: (links: InvitationLink[]) => void;
}) {
  const { t } = useTranslation('attempts');
  const { t: tm } = useTranslation('mail');
  const mail = useMailSettings().data;
  const [langChoice, setLangChoice] = useState<LangChoice>('assessment');
  const lang = mail?.enabled && langChoice !== 'assessment' ? langChoice : undefined;
  const { message } = App.useApp();
  const invite = useInvite(assessmentId);
  const inviteCsv = useInviteCsv(assessmentId);
  const [form] = Form.useForm<Values>();
  const errorText = useErrorText();
  const rows = Form.useWatch('rows', form) ?? [];
  const [skipped, setSkipped] = useState<SkippedCsvLine[]>([]);
  // The row the server refused (an email invited already), marked under its email field.
  const refused = refusedRow(invite.error, rows);
  const created = (links: InvitationLink[]) => {
    if (links.length) void message.success(t('invite.created', { count: links.length }));
    onCreated(links);
  };

  return (
    <section aria-labelledby="invite-title" style={{ margin: '16px 0' }}>
      <Card
        title={
          <h2 id="invite-title" style={{ margin: 0, fontSize: 16 }}>
            {t('invite.title')}
          </h2>
        }
      >
        <Typography.Paragraph type="secondary">{t('invite.hint')}</Typography.Paragraph>
        {mail && <MailNotice mail={mail} />}
        {mail?.enabled && (
          <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
            <span id="invite-mail-lang">{tm('invite.lang')}</span>
            <Radio.Group
              aria-labelledby="invite-mail-lang"
              optionType="button"
              value={langChoice}
              onChange={(e) => setLangChoice(e.target.value as LangChoice)}
              options={[
                {
                  value: 'assessment',
                  label: tm('invite.assessmentLang', { lang: assessmentLang ? tm(`langs.${assessmentLang}`) : '…' }),
                },
                { value: 'zh', label: tm('langs.zh') },
                { value: 'en', label: tm('langs.en') },
              ]}
            />
          </Flex>
        )}
        <Form<Values>
          form={form}
          initialValues={{ rows: [{ name: '', email: '' }], expiresInDays: 7 }}
          onValuesChange={() => {
            if (invite.error) invite.reset();
          }}
          onFinish={(values) => {
            const candidates = values.rows.map((r) => ({ name: r.name.trim(), email: r.email.trim() }));
            invite.mutate(
              { candidates, expiresInDays: values.expiresInDays, ...(lang ? { lang } : {}) },
              {
                onSuccess: (links) => {
                  created(links);
                  form.resetFields();
                },
              },
            );
          }}
        >
          <Form.List name="rows">
            {(fields, { remove }) => (
              <>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} wrap align="start">
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('invite.name')}
                      rules={[{ required: true, whitespace: true, message: t('invite.required') }]}
                      style={{ flex: '1 1 200px', marginBottom: 12 }}
                    >
                      <Input
                        autoComplete="off"
                        aria-label={fields.length > 1 ? t('invite.nameOfRow', { n: i + 1 }) : undefined}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'email']}
                      label={t('invite.email')}
                      rules={[
                        { required: true, whitespace: true, message: t('invite.required') },
                        { type: 'email', message: t('invite.emailInvalid') },
                      ]}
                      style={{ flex: '1 1 260px', marginBottom: 12 }}
                      {...(refused === i
                        ? {
                            validateStatus: 'error' as const,
                            help: <span role="alert">{errorText(invite.error)}</span>,
                          }
                        : {})}
                    >
                      <Input
                        type="email"
                        autoComplete="off"
                        aria-label={fields.length > 1 ? t('invite.emailOfRow', { n: i + 1 }) : undefined}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('invite.removeRow', { n: i + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </Flex>
                ))}
              </>
            )}
          </Form.List>
          <Flex gap={12} wrap align="center">
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                form.setFieldValue('rows', [...(form.getFieldValue('rows') as Row[]), { name: '', email: '' }])
              }
            >
              {t('invite.addRow')}
            </Button>
            <Form.Item name="expiresInDays" label={t('invite.expiresInDays')} style={{ marginBottom: 0 }}>
              <InputNumber min={1} max={60} precision={0} style={{ width: 80 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={invite.isPending}>
              {t('invite.submit')}
            </Button>
          </Flex>
        </Form>
        {invite.error && refused < 0 && <InviteRefusal error={invite.error} />}
        <Divider />
        <Typography.Title level={3} style={{ fontSize: 14 }}>
          {t('invite.csvTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('invite.csvHint')}</Typography.Paragraph>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          disabled={inviteCsv.isPending}
          beforeUpload={(file) => {
            setSkipped([]);
            inviteCsv.mutate(
              { file, lang },
              {
                onSuccess: (result) => {
                  created(result.links);
                  setSkipped(result.skipped);
                },
              },
            );
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={inviteCsv.isPending}>
            {t('invite.chooseCsv')}
          </Button>
        </Upload>
        {inviteCsv.error && <InviteRefusal error={inviteCsv.error} />}
        <SkippedLines skipped={skipped} />
      </Card>
    </section>
  );
}

/**
 * Whether Rubricon emails the invitations: off, HR must hand every link over; on, from which address
 * (the links still show once, to copy).
 */
function MailNotice({ mail }: { mail: MailSettings }) {
  const { t } = useTranslation('mail');
  return mail.enabled ? (
    <Alert
      type="info"
      role="status"
      showIcon
      data-testid="mail-notice"
      title={t('notice.onInvite', { from: mail.from ?? '' })}
      style={{ marginBottom: 16 }}
    />
  ) : (
    <Alert
      type="warning"
      role="status"
      showIcon
      data-testid="mail-notice"
      title={t('notice.offTitle')}
      description={t('notice.offInvite')}
      style={{ marginBottom: 16 }}
    />
  );
}
