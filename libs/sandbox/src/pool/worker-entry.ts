import { existsSync } from 'node:fs';
import path from 'node:path';

/** How to start a runner process: its script and the node flags it needs (besides the pool's own). */
export interface RunnerEntry {
  script: string;
  execArgv: string[];
}

/**
 * The one runner process is apps/runner/src/main.ts. In a build it is the bundle
 * dist/apps/runner/main.js beside the API's bundle (`nest build runner`). From TypeScript sources
 * (jest, benches and checks) the source itself is forked under tools/ts-register.js,
 * which strips types as files load, so tests always run the runner as it is now.
 */
export function resolveWorkerEntry(): RunnerEntry {
  if (path.extname(__filename) === '.js') {
    const script = path.resolve(__dirname, '..', 'runner', 'main.js');
    if (!existsSync(script))
      throw new Error(`The sandbox runner is not built: ${script} is missing (nest build runner).`);
    return { script, execArgv: [] };
  }
  const root = path.resolve(__dirname, '../../../..');
  return {
    script: path.join(root, 'apps/runner/src/main.ts'),
    execArgv: ['-r', path.join(root, 'tools/ts-register.js')],
  };
}
