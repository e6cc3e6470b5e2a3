import type { AuditAction, AuditEntryView } from '@rubricon/contracts';
import { Button, DatePicker, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
// Month and weekday names for the date picker in Chinese (antd's zh_CN locale names the dayjs locale).
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePanelOptions } from '../interviews/queries';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { PageError } from '../shell/PageState';
import { useFilterParams } from '../shell/filter-params';
import { usePageTitle } from '../shell/page-title';
import { auditText } from './i18n';
import { useAuditLog } from './queries';

const ACTIONS = Object.keys(auditText.en.actions) as AuditAction[];
const DAY = 'YYYY-MM-DD';
/** Ids in "what changed" that have a page of their own: shown short, linked. */
const ID_LINKS: Record<string, (id: string) => string> = {
  assessmentId: (id) => `/assessments/${id}`,
  attemptId: (id) => `/attempts/${id}`,
};

/**
 * Admins and HR: the audit log, newest first, filtered by action, staff member, period and text,
 * paged by the server. The filters live in the address, so a filtered view can be shared.
 */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const { params, page, pageSize, update } = useFilterParams();
  const actions = (params.get('action') ?? '')
    .split(',')
    .filter((a): a is AuditAction => ACTIONS.includes(a as AuditAction));
  const actorId = params.get('actor') ?? undefined;
  const search = params.get('search') ?? '';
  const fromDay = day(params.get('from'));
  const toDay = day(params.get('to'));
  const log = useAuditLog({
    actions,
    actorId,
    from: fromDay?.startOf('day').toISOString(),
    to: toDay?.endOf('day').toISOString(),
    search,
    page,
    pageSize,
  });
  const staff = usePanelOptions();
  usePageTitle(t('title'));
  const staffName = new Map(staff.data?.map((s) => [s.id, s.name]));

  const actionLabel = (action: AuditAction) => t(`actions.${action}`);
  const fieldLabel = (key: string) => (key in auditText.en.fields ? t(`fields.${key as 'role'}`) : key);

  /** One value as a person reads it: roles and states worded, times in the interface language, people by name. */
  const valueText = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('empty');
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (typeof value === 'string') {
      if (key === 'recommendation' && value in auditText.en.recommendations)
        return t(`recommendations.${value as 'yes'}`);
      if (key === 'role' && ['admin', 'hr', 'interviewer'].includes(value)) return common(`roles.${value as 'admin'}`);
      if (value in auditText.en.values) return t(`values.${value as 'draft'}`);
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return formatDateTime(lang, value);
      return staffName.get(value) ?? value;
    }
    if (Array.isArray(value)) return value.map((v) => valueText(key, v)).join(', ') || t('empty');
    if (typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.email === 'string') return typeof o.name === 'string' ? `${o.name} <${o.email}>` : o.email;
      if (typeof o.title === 'string') return o.title;
      return Object.entries(o)
        .map(([k, v]) => `${fieldLabel(k)}${t('colon')}${valueText(k, v)}`)
        .join('; ');
    }
    return String(value);
  };

  const changesCell = (changes: Record<string, unknown>): ReactNode => {
    const entries = Object.entries(changes);
    if (entries.length === 0) return t('noChanges');
    return (
      <ul style={{ margin: 0, paddingInlineStart: 16 }}>
        {entries.map(([key, value]) => (
          <li key={key} data-testid="audit-change">
            <Typography.Text type="secondary">
              {fieldLabel(key)}
              {t('colon')}
            </Typography.Text>
            {typeof value === 'string' && key in ID_LINKS ? (
              <Tooltip title={value}>
                <Link to={ID_LINKS[key](value)}>
                  <Typography.Text code>{value.slice(0, 8)}</Typography.Text>
                </Link>
              </Tooltip>
            ) : isFromTo(value) ? (
              <>
                {valueText(key, value.from)} → <Typography.Text strong>{valueText(key, value.to)}</Typography.Text>
              </>
            ) : (
              valueText(key, value)
            )}
          </li>
        ))}
      </ul>
    );
  };

  const targetCell = (e: AuditEntryView): ReactNode => {
    const type = e.target.type in auditText.en.targets ? t(`targets.${e.target.type as 'user'}`) : e.target.type;
    const attemptId = typeof e.changes.attemptId === 'string' ? e.changes.attemptId : undefined;
    const href =
      e.target.type === 'assessment' && e.action !== 'assessment.delete'
        ? `/assessments/${e.target.id}`
        : e.target.type === 'attempt'
          ? `/attempts/${e.target.id}`
          : e.target.type === 'invitation' && attemptId
            ? `/attempts/${attemptId}`
            : e.target.type === 'interview'
              ? `/interviews/${e.target.id}`
              : undefined;
    const id = <Typography.Text code>{e.target.id.slice(0, 8)}</Typography.Text>;
    return (
      <Tooltip title={e.target.id}>
        <span style={{ whiteSpace: 'nowrap' }}>
          {type} {href ? <Link to={href}>{id}</Link> : id}
        </span>
      </Tooltip>
    );
  };

  return (
    <section aria-labelledby="audit-title">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title id="audit-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('title')}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <Select<AuditAction[]>
          mode="multiple"
          aria-label={t('actionFilter')}
          data-testid="audit-action-filter"
          style={{ minWidth: 220, maxWidth: 420 }}
          allowClear
          maxTagCount="responsive"
          placeholder={t('allActions')}
          value={actions}
          optionFilterProp="label"
          onChange={(value) => update({ action: value.join(',') || undefined })}
          options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <Select<string>
          aria-label={t('actorFilter')}
          style={{ width: 200 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('allActors')}
          value={actorId}
          loading={staff.isFetching}
          onChange={(value) => update({ actor: value })}
          options={[
            // Someone no longer listed (deactivated) but chosen from a row stays selectable.
            ...(actorId && !staffName.has(actorId)
              ? [
                  {
                    value: actorId,
                    label: log.data?.items.find((e) => e.actor?.id === actorId)?.actor?.email ?? actorId,
                  },
                ]
              : []),
            ...(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.email})` })),
          ]}
        />
        <DatePicker.RangePicker
          aria-label={t('period')}
          placeholder={[t('periodStart'), t('periodEnd')]}
          allowEmpty={[true, true]}
          value={[fromDay ?? null, toDay ?? null]}
          onChange={(range) =>
            update({ from: range?.[0]?.format(DAY) ?? undefined, to: range?.[1]?.format(DAY) ?? undefined })
          }
        />
        <Input.Search
          allowClear
          placeholder={t('search')}
          aria-label={t('search')}
          style={{ width: 240 }}
          defaultValue={search}
          onSearch={(value) => update({ search: value.trim() || undefined })}
          onChange={(e) => {
            if (e.target.value === '' && search) update({ search: undefined });
          }}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {log.error ? (
        <PageError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<AuditEntryView>
          rowKey="id"
          aria-label={t('title')}
          loading={log.isFetching}
          dataSource={log.data?.items}
          locale={{ emptyText: t('none') }}
          onRow={() => ({ 'data-testid': 'audit-row' }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => common('total', { count: total }),
            onChange: (next, size) => update({ page: String(next), size: String(size) }),
          }}
          columns={[
            {
              title: t('table.time'),
              dataIndex: 'at',
              render: (at: string) => (
                <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lang, at, { seconds: true })}</span>
              ),
            },
            {
              title: t('table.actor'),
              key: 'actor',
              render: (_, e) =>
                e.actor ? (
                  <Flex vertical>
                    <Tooltip title={t('filterByActor', { name: e.actor.name || e.actor.email })}>
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0, height: 'auto', alignSelf: 'flex-start' }}
                        onClick={() => update({ actor: e.actor!.id })}
                      >
                        {e.actor.name || t('unknownUser')}
                      </Button>
                    </Tooltip>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {e.actor.email}
                    </Typography.Text>
                    {['admin', 'hr', 'interviewer'].includes(e.actor.role) && (
                      <span>
                        <Tag style={{ marginTop: 2 }}>{common(`roles.${e.actor.role as 'admin'}`)}</Tag>
                      </span>
                    )}
                  </Flex>
                ) : (
                  <Tag>{t('system')}</Tag>
                ),
            },
            {
              title: t('table.address'),
              dataIndex: 'ip',
              responsive: ['md'],
              render: (ip: string | null) => (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  {ip ?? '—'}
                </Typography.Text>
              ),
            },
            {
              title: t('table.action'),
              dataIndex: 'action',
              render: (action: AuditAction) => (
                <Tag color="blue" data-testid="audit-action">
                  {actionLabel(action)}
                </Tag>
              ),
            },
            { title: t('table.target'), key: 'target', render: (_, e) => targetCell(e) },
            { title: t('table.changes'), key: 'changes', render: (_, e) => changesCell(e.changes) },
          ]}
        />
      )}
    </section>
  );
}

function day(text: string | null): Dayjs | undefined {
  if (!text || !/^\d{4}-\d\d-\d\d$/.test(text)) return undefined;
  const parsed = dayjs(text); // a local day
  return parsed.isValid() ? parsed : undefined;
}

function isFromTo(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}
