import { Alert, Button, Flex, Result, Spin } from 'antd';
import type { StaffRole } from '@rubricon/contracts';
import type { ReactNode } from 'react';
import { Link, useRouteError } from 'react-router';
import { useMe } from '../auth/session';
import { useErrorText, useTranslation } from '../i18n/staff';

/** The states every data screen shares, so no page writes its own spinner or error box. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin aria-label={t('loading')} />
    </Flex>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={t('loadFailed')}
      description={errorText(error)}
      action={onRetry && <Button onClick={onRetry}>{t('retry')}</Button>}
    />
  );
}

/** A query's three states in one place: loading, refused or failed (with retry), and the data. */
export function QueryView<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoading />;
  if (query.error || query.data === undefined)
    return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24 }}>{t('notFoundTitle')}</h1>}
      subTitle={t('notFound')}
      extra={<Link to="/postings">{t('backHome')}</Link>}
    />
  );
}

/** Renders `children` only for `roles`; others are told plainly instead of meeting a refusal later. */
export function RequireRole({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <PageLoading />;
  if (!me.data) return <PageError error={me.error} />;
  if (!roles.includes(me.data.role))
    return <Result status="403" title={t('forbidden', { role: t(`roles.${me.data.role}`) })} />;
  return <>{children}</>;
}

export function ComingSoonPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={<h1 style={{ fontSize: 24 }}>{title}</h1>} subTitle={t('nav.soonHint')} />;
}

/** What a screen that threw while rendering shows: a plain statement and a reload, inside the frame. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  // The details are for the browser console, where an administrator can read them.
  console.error(error);
  return (
    <Result
      status="error"
      title={<h1 style={{ fontSize: 24 }}>{t('crashTitle')}</h1>}
      subTitle={t('crashHint')}
      extra={<Button onClick={() => window.location.reload()}>{t('reload')}</Button>}
    />
  );
}
