import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useLang } from '../i18n/lang';
import { i18n } from '../i18n/staff';
import { createQueryClient } from './query-client';
import { staffRoutes } from './routes';
import { staffTheme } from './theme';

/** Forgets every cached answer on sign-out, so the next user never sees the last one's data. */
function ClearCacheOnSignOut() {
  const client = useQueryClient();
  useEffect(() => {
    const clear = () => client.clear();
    window.addEventListener('rubricon:signed-out', clear);
    return () => window.removeEventListener('rubricon:signed-out', clear);
  }, [client]);
  return null;
}

export function StaffApp() {
  const [lang] = useLang();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(staffRoutes));
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={staffTheme}>
      <AntApp>
        <I18nextProvider i18n={i18n}>
          <QueryClientProvider client={queryClient}>
            <ClearCacheOnSignOut />
            <RouterProvider router={router} />
          </QueryClientProvider>
        </I18nextProvider>
      </AntApp>
    </ConfigProvider>
  );
}
