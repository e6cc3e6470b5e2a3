import {
  AuditOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  FormOutlined,
  HistoryOutlined,
  LogoutOutlined,
  SolutionOutlined,
  TeamOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Tag, theme, Typography, type MenuProps } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { CAN, signOut, useMe } from '../auth/session';
import { useTranslation } from '../i18n/staff';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLoading } from './PageState';

/** The staff frame: a skip link, the navigation (only what the user's role can use), the language switch and the user. */
export function StaffLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useMe().data;
  const section = '/' + (useLocation().pathname.split('/')[1] ?? '');
  const allowed = (roles: readonly string[]) => me !== undefined && roles.includes(me.role);
  const items: MenuProps['items'] = [
    { key: '/postings', icon: <FileTextOutlined />, label: <Link to="/postings">{t('nav.postings')}</Link> },
    allowed(CAN.assessments) && {
      key: '/assessments',
      icon: <FormOutlined />,
      label: <Link to="/assessments">{t('nav.assessments')}</Link>,
    },
    allowed(CAN.candidates) && {
      key: '/candidates',
      icon: <SolutionOutlined />,
      label: <Link to="/candidates">{t('nav.candidates')}</Link>,
    },
    {
      key: '/interviews',
      icon: <VideoCameraOutlined />,
      label: <Link to="/interviews">{t('nav.interviews')}</Link>,
    },
    allowed(CAN.reviews) && {
      key: '/reviews',
      icon: <CheckSquareOutlined />,
      label: <Link to="/reviews">{t('nav.reviews')}</Link>,
    },
    allowed(CAN.scorecards) && {
      key: '/scorecards',
      icon: <AuditOutlined />,
      label: <Link to="/scorecards">{t('nav.scorecards')}</Link>,
    },
    allowed(CAN.users) && { key: '/users', icon: <TeamOutlined />, label: <Link to="/users">{t('nav.users')}</Link> },
    allowed(CAN.audit) && {
      key: '/audit',
      icon: <HistoryOutlined />,
      label: <Link to="/audit">{t('nav.audit')}</Link>,
    },
  ].filter((item) => item !== false);
  const selected = section === '/attempts' ? '/candidates' : section;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 24,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/postings" style={{ fontWeight: 600, fontSize: 18 }}>
          {t('appName')}
        </Link>
        <span style={{ flex: 1 }} />
        <LanguageSwitch />
        {me && (
          <Flex gap={8} align="center">
            <Typography.Text>{me.name}</Typography.Text>
            <Tag data-testid="my-role">{t(`roles.${me.role}`)}</Tag>
          </Flex>
        )}
        <Button type="text" icon={<LogoutOutlined />} onClick={signOut}>
          {t('signOut')}
        </Button>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={256} breakpoint="lg" collapsedWidth={0} theme="light">
          <nav aria-label={t('nav.label')}>
            <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: 0 }} />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
