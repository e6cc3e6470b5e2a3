import type { ReactNode } from 'react';
import { navigate } from '../router';
import { useI18n } from '../i18n';

export function Shell({ children, onSignOut }: { children: ReactNode; onSignOut: () => void }) {
  const { t, toggle } = useI18n();
  return (
    <>
      <header className="topbar">
        <a
          href="/postings"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            navigate('/postings');
          }}
        >
          {t.appName}
        </a>
        <nav>
          <a
            href="/postings"
            onClick={(e) => {
              e.preventDefault();
              navigate('/postings');
            }}
          >
            {t.postings}
          </a>
        </nav>
        <span className="spacer" />
        <button type="button" className="link" onClick={toggle} data-testid="lang-toggle">
          {t.language}
        </button>
        <button type="button" className="link" onClick={onSignOut}>
          {t.signOut}
        </button>
      </header>
      <main className="content">{children}</main>
    </>
  );
}
