import { useMutation } from '@tanstack/react-query';
import type { LoginResponse } from '@rubricon/contracts';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { send } from '../api';
import { useErrorText, useTranslation } from '../i18n/staff';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { signIn, useSignedIn } from './session';

interface Credentials {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const signedIn = useSignedIn();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const login = useMutation({
    mutationFn: (credentials: Credentials) => send<LoginResponse>('POST', '/auth/login', credentials),
    onSuccess: ({ accessToken }) => signIn(accessToken),
  });
  useEffect(() => {
    document.title = `${t('title')} · Rubricon`;
  }, [t]);

  if (signedIn) return <Navigate to={from && from !== '/login' ? from : '/postings'} replace />;
  return (
    <Flex component="main" vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
              {t('title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{common('tagline')}</Typography.Paragraph>
          </div>
          <LanguageSwitch />
        </Flex>
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)}>
          <Form.Item
            label={t('email')}
            name="email"
            rules={[
              { required: true, message: t('emailRequired') },
              { type: 'email', message: t('emailInvalid') },
            ]}
          >
            <Input type="email" autoComplete="username" />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {login.error && (
            <Alert type="error" role="alert" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('signIn')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('candidateHint')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
