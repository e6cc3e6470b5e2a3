/** Entry of a pool worker process (forked by RunnerPool with --no-node-snapshot). */
import { serveIpc } from './ipc-server';

serveIpc({ preloadTypeScript: process.env.RUBRICON_SANDBOX_PRELOAD_TS !== '0' });
