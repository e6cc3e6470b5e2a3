import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const FIXTURE_BANK = join(ROOT, 'libs/generation/test-fixtures/bank');

function generate(...args: string[]) {
  const res = spawnSync(
    process.execPath,
    ['-r', join(ROOT, 'tools/ts-register.js'), join(__dirname, 'generate.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

function postingFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rubricon-cli-')), name);
  writeFileSync(file, content);
  return file;
}

const POSTING =
  '# 开发工程师\n\n## 工作职责\n\n- 负责智能客服系统的后端功能开发和接口调试\n- 负责对话机器人的意图识别优化\n\n## 任职要求\n\n- 良好的沟通能力和团队协作精神\n';

describe('generate CLI', () => {
  jest.setTimeout(60_000);

  it('prints only the JSON array with --json and logs to stderr', () => {
    const { code, stdout } = generate(postingFile('dev.md', POSTING), '--json', '--seed', '3', '--bank', FIXTURE_BANK);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ posting: { title: '开发工程师' }, roleFamily: 'developer' });
    expect(out[0].sections.map((s: { kind: string }) => s.kind)).toEqual(['coding', 'scenario', 'behavioral']);
  });

  it('prints a readable summary by default', () => {
    const { code, stdout } = generate(postingFile('dev.md', POSTING), '--bank', FIXTURE_BANK, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('family: developer');
    expect(stdout).toMatch(/coverage: 100% of 2 assessable duty line\(s\), 100% directly/);
    // The reasons for the family, in the language asked for, and why each question.
    expect(stdout).toContain('    - The title\'s "开发" puts the role in the software development family.');
    expect(stdout).toMatch(/ {2}duty 2: \S+ \[对话机器人, 意图识别\]/);
  });

  it('reports a bad file on stderr with exit code 1 and no stack trace', () => {
    const { code, stdout, stderr } = generate(
      postingFile('empty.txt', ''),
      join(ROOT, 'no-such-file.txt'),
      '--json',
      '--bank',
      FIXTURE_BANK,
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(stderr).toMatch(/empty\.txt: .+/);
    expect(stderr).toMatch(/no-such-file\.txt: .*(ENOENT|no such file)/i);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects unknown options and a bad --lang with usage help', () => {
    expect(generate('x.txt', '--colour').stderr).toMatch(/unknown option --colour\nusage:/);
    const bad = generate('x.txt', '--lang', 'fr');
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([1, 'generate: --lang must be zh or en, got "fr"']);
  });
});
