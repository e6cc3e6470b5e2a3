/**
 * bench:web: the candidate page's weight and readiness in Chromium. A test server (SQLite) serves the
 * built web app (TEST_WEB_DIR, default dist/web); each run opens a fresh invitation link in a new
 * browser context (cold cache) and records:
 * - the JavaScript loaded until the page is interactive (transfer and decoded bytes), and the
 *   JavaScript loaded later, lazily, when the candidate opens a coding question (Monaco);
 * - the time from navigation until the Start button is enabled, and until a click on it as soon as
 *   it is enabled has visibly been handled (time to interactive). Medians over the runs.
 * Figures go to bench-results/candidate-page.json (or --out); progress to stderr.
 * Options: --runs 5 --cpu 4 (Chromium CPU throttling factor; 1 = none) --out <file>
 *          --builds before=/tmp/web-a,after=/tmp/web-b (compare builds in one run, visits interleaved)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const log = (message: string) => process.stderr.write(`[bench:web] ${message}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const START = /^(Start the assessment|开始测评)$/;

interface Script {
  url: string;
  /** Body bytes on the wire (the server does not compress). */
  transfer: number;
  decoded: number;
  /** What the body would be gzipped (level 6), as a compressing reverse proxy would serve it. */
  gzip: number;
}

/** Runs in the page before its scripts: notes when Start is enabled and when a click on it is handled. */
function readinessProbe(startSource: string) {
  const start = new RegExp(startSource);
  const marks: Record<string, number> = {};
  (window as unknown as { __bench: typeof marks }).__bench = marks;
  const startButton = () =>
    Array.from(document.querySelectorAll('button')).find((b) => start.test(b.textContent?.trim() ?? '')) ?? null;
  let armed: HTMLButtonElement | null = null;
  new MutationObserver(() => {
    const button = startButton();
    if (marks.enabled === undefined && button && !button.disabled) {
      marks.enabled = performance.now();
      armed = button;
    }
    // Handled: the button the click landed on is disabled, relabelled or gone.
    if (marks.clicked !== undefined && marks.handled === undefined && armed)
      if (!armed.isConnected || armed.disabled || !start.test(armed.textContent?.trim() ?? ''))
        marks.handled = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('pointerdown', () => (marks.clicked ??= performance.now()), true);
}

async function scriptSizes(requests: Request[]): Promise<Script[]> {
  const scripts: Script[] = [];
  for (const request of requests) {
    const response = await request.response();
    if (!response || !/\.m?js(\?|$)/.test(new URL(request.url()).pathname)) continue;
    const sizes = await request.sizes();
    const body = await response.body();
    // A worker's request reports no body size; uncompressed, the wire carries the body as is.
    const transfer = sizes.responseBodySize || (response.headers()['content-encoding'] ? 0 : body.length);
    scripts.push({ url: new URL(request.url()).pathname, transfer, decoded: body.length, gzip: gzipSync(body).length });
  }
  return scripts;
}
const summary = (scripts: Script[]) => ({
  files: scripts.length,
  transfer: total(scripts, 'transfer'),
  decoded: total(scripts, 'decoded'),
  gzip: total(scripts, 'gzip'),
});
const total = (scripts: Script[], key: 'transfer' | 'decoded' | 'gzip') => scripts.reduce((sum, s) => sum + s[key], 0);

/** Waits until no request the page started is still open. */
async function settled(page: Page, open: Set<Request>): Promise<void> {
  for (let quiet = 0; quiet < 3;) {
    await page.waitForTimeout(100);
    quiet = open.size ? 0 : quiet + 1;
  }
}

interface Sample {
  enabledMs: number;
  interactiveMs: number;
  initialJs: ReturnType<typeof summary>;
  lazyJs: ReturnType<typeof summary>;
  initialFiles: Script[];
}

/** One cold visit: a fresh context opens the link, clicks Start as soon as it is enabled, opens a coding question. */
async function visit(browser: Browser, url: string, cpu: number): Promise<Sample> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.addInitScript(readinessProbe, START.source);
    const all: Request[] = [];
    const open = new Set<Request>();
    page.on('request', (r) => (all.push(r), open.add(r)));
    page.on('requestfinished', (r) => open.delete(r));
    page.on('requestfailed', (r) => open.delete(r));

    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __bench: { enabled?: number } }).__bench.enabled);
    // Initial: every request the page made before Start was enabled.
    const before = all.splice(0);
    await page.getByRole('button', { name: START }).click();
    await page.waitForFunction(() => (window as unknown as { __bench: { handled?: number } }).__bench.handled);
    const marks = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
    const initial = await scriptSizes(before);

    // Lazily loaded: what starting and opening a coding question add (the editor).
    await page
      .locator('nav button, nav a')
      .filter({ hasText: /Coding|编程/ })
      .first()
      .click();
    await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    await settled(page, open);
    const lazy = await scriptSizes(all.splice(0));
    return {
      enabledMs: Math.round(marks.enabled),
      interactiveMs: Math.round(marks.handled),
      initialJs: summary(initial),
      lazyJs: summary(lazy),
      initialFiles: initial,
    };
  } finally {
    await context.close();
  }
}

function figuresOf(webDir: string, samples: Sample[]) {
  return {
    webDir,
    medians: {
      startEnabledMs: median(samples.map((s) => s.enabledMs)),
      timeToInteractiveMs: median(samples.map((s) => s.interactiveMs)),
      initialJsTransferBytes: median(samples.map((s) => s.initialJs.transfer)),
      initialJsDecodedBytes: median(samples.map((s) => s.initialJs.decoded)),
      initialJsGzipBytes: median(samples.map((s) => s.initialJs.gzip)),
      lazyJsTransferBytes: median(samples.map((s) => s.lazyJs.transfer)),
      lazyJsDecodedBytes: median(samples.map((s) => s.lazyJs.decoded)),
      lazyJsGzipBytes: median(samples.map((s) => s.lazyJs.gzip)),
    },
    initialFiles: samples[0].initialFiles,
    samples: samples.map(({ initialFiles: _files, ...rest }) => rest),
  };
}

/**
 * `--builds before=/tmp/web-a,after=/tmp/web-b` compares builds in one run: a server per build,
 * visits interleaved (a, b, a, b…) so that load on the machine falls on both alike.
 */
async function main(): Promise<void> {
  const runs = Number(arg('runs', '5'));
  const cpu = Number(arg('cpu', '4'));
  const out = arg('out', join(__dirname, '..', '..', 'bench-results', 'candidate-page.json'));
  const { databaseKinds } = await import('../support/databases');
  const { startTestApp, ADMIN, loginAs, WEB_DIR } = await import('../support/test-app');
  const { launchChromium } = await import('../support/browser');
  const { publishedAssessment, invite, DEVELOPER_POSTING } = await import('../factories/attempts');
  const builds = arg('builds', `current=${WEB_DIR}`)
    .split(',')
    .map((b) => b.split('=') as [string, string]);

  const browser = await launchChromium();
  const servers: { label: string; webDir: string; links: string[]; samples: Sample[]; close: () => Promise<void> }[] =
    [];
  try {
    for (const [label, webDir] of builds) {
      const db = await databaseKinds()[0].create();
      const server = await startTestApp(db, { webDir });
      const hr = await loginAs(server.url, ADMIN.email, ADMIN.password);
      const assessment = await publishedAssessment(server.url, hr, DEVELOPER_POSTING);
      const links = (await invite(server.url, hr, assessment.id, runs)).map((l) => `${server.url}/take/${l.token}`);
      servers.push({
        label,
        webDir,
        links,
        samples: [],
        close: async () => (await server.close(), await db.dispose()),
      });
    }
    for (let i = 0; i < runs; i++)
      for (const s of servers) {
        const sample = await visit(browser, s.links[i], cpu);
        log(
          `${s.label} run ${i + 1}/${runs}: enabled ${sample.enabledMs} ms, interactive ${sample.interactiveMs} ms, initial JS ${sample.initialJs.decoded} B (${sample.initialJs.gzip} B gzipped), lazy ${sample.lazyJs.decoded} B`,
        );
        s.samples.push(sample);
      }
    const figures = {
      runs,
      cpuThrottling: cpu,
      when: new Date().toISOString(),
      load: loadavg().map((l) => Math.round(l * 100) / 100),
      builds: Object.fromEntries(servers.map((s) => [s.label, figuresOf(s.webDir, s.samples)])),
    };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(figures, null, 2) + '\n');
    for (const s of servers) log(`${s.label} medians: ${JSON.stringify(figures.builds[s.label].medians)}`);
    log(`-> ${out}`);
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
