import { createRoot } from 'react-dom/client';

// Two apps behind one page: candidates (an invitation link under /take/) get the light candidate
// page; everyone else gets the staff app (antd). Each is its own chunk, so neither loads the other.
const root = createRoot(document.getElementById('root')!);
if (window.location.pathname.startsWith('/take/')) void import('./candidate/candidate-main').then((m) => m.mount(root));
// Live interviews (/live/<token>): the candidate's room, light like the candidate page.
else if (window.location.pathname.startsWith('/live/')) void import('./live/live-main').then((m) => m.mount(root));
else void import('./app/staff-main').then((m) => m.mount(root));
