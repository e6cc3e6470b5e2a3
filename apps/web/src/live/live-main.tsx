import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { LiveApp } from './LiveApp';

/** The live interview page's entry (/live/<token>): like the candidate page, no staff code, no antd. */
export function mount(root: Root): void {
  const token = decodeURIComponent(window.location.pathname.slice('/live/'.length).replace(/\/+$/, ''));
  root.render(
    <StrictMode>
      <LiveApp token={token} />
    </StrictMode>,
  );
}
