import { LockOutlined } from '@ant-design/icons';
import { MAX_RATERS, type RaterAssignment, type SubjectKind } from '@rubricon/contracts';
import { Alert, App, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CAN, useCan, useMe } from '../auth/session';
import { useErrorText, useTranslation } from '../i18n/staff';
import { PageError, PageLoading } from '../shell/PageState';
import { sheetPath, SheetStatusTag, useWhenText } from './parts';
import { useRaterOptions, useRaters, useSetRaters } from './queries';

/**
 * HR's panel on an attempt or an interview: who scores it and how far each has got, and the choice
 * of raters. Raters who have submitted stay (the server refuses their removal, worded). Anyone else
 * sees at most `scoreLink`: the way to their own score sheet (an interviewer on an ended interview's panel).
 */
export function RatersPanel({ kind, id, scoreLink = false }: { kind: SubjectKind; id: string; scoreLink?: boolean }) {
  const { t } = useTranslation('scoring');
  const canAssign = useCan(...CAN.assignRaters);
  if (canAssign) return <RatersPanelBody kind={kind} id={id} />;
  if (!scoreLink) return null;
  return (
    <Typography.Paragraph style={{ marginTop: 16 }}>
      <Link to={sheetPath(kind, id)} data-testid="my-sheet-link">
        {t('raters.myScores')} →
      </Link>
    </Typography.Paragraph>
  );
}

function RatersPanelBody({ kind, id }: { kind: SubjectKind; id: string }) {
  const { t } = useTranslation('scoring');
  const raters = useRaters(kind, id);
  return (
    <section aria-labelledby="raters-title" style={{ marginTop: 16 }} data-testid="raters-panel">
      <Card size="small">
        <Typography.Title id="raters-title" level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t('raters.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('raters.hint')}</Typography.Paragraph>
        {raters.isPending ? (
          <PageLoading />
        ) : raters.error || !raters.data ? (
          <PageError error={raters.error} onRetry={() => void raters.refetch()} />
        ) : (
          <RatersEditor kind={kind} id={id} current={raters.data} />
        )}
      </Card>
    </section>
  );
}

function RatersEditor({ kind, id, current }: { kind: SubjectKind; id: string; current: RaterAssignment[] }) {
  const { t } = useTranslation('scoring');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const me = useMe().data;
  const options = useRaterOptions();
  const setRaters = useSetRaters(kind, id);
  const currentIds = current.map((r) => r.rater.id);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const value = chosen ?? currentIds;
  const locked = new Set(current.filter((r) => r.status === 'submitted').map((r) => r.rater.id));
  const changed = value.length !== currentIds.length || value.some((v) => !currentIds.includes(v));
  const when = useWhenText();
  const mine = me && current.some((r) => r.rater.id === me.id);

  // Everyone assigned is choosable even if the options list lacks them (deactivated since).
  const known = new Map((options.data ?? []).map((o) => [o.id, o]));
  for (const r of current)
    if (!known.has(r.rater.id))
      known.set(r.rater.id, { ...r.rater, role: r.rater.role as 'admin' | 'hr' | 'interviewer' });

  const save = () =>
    setRaters.mutate(
      { raterIds: value },
      {
        onSuccess: () => {
          setChosen(null);
          void message.success(t('raters.saved'));
        },
      },
    );

  return (
    <Flex vertical gap={12}>
      <Table<RaterAssignment>
        rowKey={(r) => r.rater.id}
        size="small"
        pagination={false}
        aria-label={t('raters.title')}
        dataSource={current}
        locale={{ emptyText: t('raters.none') }}
        onRow={(r) =>
          ({ 'data-testid': 'rater-row', 'data-rater-id': r.rater.id }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('raters.name'),
            key: 'name',
            render: (_, r) => (
              <>
                {r.rater.name}
                {r.rater.id === me?.id && ` (${t('sheet.you')})`}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.rater.email}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('raters.role'),
            key: 'role',
            responsive: ['md'],
            render: (_, r) =>
              r.rater.role === 'admin' || r.rater.role === 'hr' || r.rater.role === 'interviewer'
                ? common(`roles.${r.rater.role}`)
                : r.rater.role,
          },
          { title: t('raters.status'), key: 'status', render: (_, r) => <SheetStatusTag status={r.status} /> },
          {
            title: t('raters.assignedAt'),
            key: 'assignedAt',
            responsive: ['lg'],
            render: (_, r) => when(r.assignedAt),
          },
          { title: t('raters.submittedAt'), key: 'submittedAt', render: (_, r) => when(r.submittedAt) },
        ]}
      />
      <div>
        <label htmlFor={`raters-${kind}-${id}`} style={{ display: 'block', marginBottom: 4, fontWeight: 600 }}>
          {t('raters.choose')}
        </label>
        <Flex gap={8} wrap align="start">
          <Select<string[]>
            id={`raters-${kind}-${id}`}
            mode="multiple"
            style={{ flex: 1, minWidth: 280 }}
            placeholder={t('raters.placeholder', { max: MAX_RATERS })}
            loading={options.isPending}
            value={value}
            maxCount={MAX_RATERS}
            onChange={(next) => {
              setRaters.reset();
              // A rater who has submitted stays: their tag has no close button, and backspace does not remove them either.
              setChosen([...new Set([...[...locked].filter((l) => !next.includes(l)), ...next])]);
            }}
            optionFilterProp="search"
            options={[...known.values()].map((o) => ({
              value: o.id,
              label: o.name,
              search: `${o.name} ${o.email}`,
              title: o.email,
            }))}
            optionRender={(option) => {
              const o = known.get(String(option.value));
              return (
                <Flex justify="space-between" gap={8}>
                  <span>{o?.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o?.email} · {o ? common(`roles.${o.role}`) : ''}
                  </Typography.Text>
                </Flex>
              );
            }}
            tagRender={({ label, value: tagValue, closable, onClose }) => (
              <Tag
                closable={closable && !locked.has(String(tagValue))}
                onClose={onClose}
                icon={locked.has(String(tagValue)) ? <LockOutlined /> : undefined}
                style={{ marginInlineEnd: 4 }}
              >
                {label}
              </Tag>
            )}
          />
          <Button type="primary" onClick={save} disabled={!changed} loading={setRaters.isPending}>
            {t('raters.save')}
          </Button>
        </Flex>
        {locked.size > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('raters.lockedHint')}
          </Typography.Text>
        )}
      </div>
      {options.error && <PageError error={options.error} onRetry={() => void options.refetch()} />}
      {setRaters.error && (
        <Alert type="error" role="alert" showIcon title={errorText(setRaters.error)} data-testid="raters-error" />
      )}
      {mine && (
        <Link to={sheetPath(kind, id)} data-testid="my-sheet-link">
          {t('raters.myScores')} →
        </Link>
      )}
    </Flex>
  );
}
