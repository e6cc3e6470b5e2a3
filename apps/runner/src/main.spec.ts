import { spawn } from 'node:child_process';
import { resolveWorkerEntry } from '@rubricon/sandbox';

jest.setTimeout(30_000);

/** Starts the same runner entry the pool forks, without an IPC channel, as a person checking a submission would. */
function runFromStdin(request: unknown): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { script, execArgv } = resolveWorkerEntry();
    const child = spawn(process.execPath, ['--no-node-snapshot', ...execArgv, script], {
      env: { PATH: process.env.PATH },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(JSON.stringify(request));
  });
}

describe('runner main (stdin mode)', () => {
  it('runs one request from stdin and prints its result as JSON', async () => {
    const { code, stdout } = await runFromStdin({
      language: 'typescript',
      code: 'function solve(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}',
      tests: [
        { input: [1, 2, 3], expected: 6 },
        { input: [], expected: 1 },
      ],
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      verdict: 'failed',
      tests: [{ verdict: 'passed' }, { verdict: 'failed', output: '0' }],
    });
  });

  it('exits non-zero with the validation message for a bad request', async () => {
    const { code, stderr } = await runFromStdin({ language: 'ruby', code: 'x', tests: [] });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Unsupported language "ruby"/);
  });

  it('runs Python too, booting Pyodide in the runner itself', async () => {
    const { code, stdout } = await runFromStdin({
      language: 'python',
      code: 'def solve(xs):\n    return sum(xs)\n',
      tests: [{ input: [1, 2, 3], expected: 6 }],
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'passed', tests: [{ verdict: 'passed', output: '6' }] });
  });
});
