import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import './staff.css';
import { StaffApp } from './StaffApp';

export function mount(root: Root): void {
  root.render(
    <StrictMode>
      <StaffApp />
    </StrictMode>,
  );
}
