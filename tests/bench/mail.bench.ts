/**
 * bench:mail: what mail costs HR and how fast the outbox drains, on MariaDB with a real SMTP server
 * (smtp-server on loopback, accepting everything).
 *
 * - Invitation cost: `--candidates` (200) invited from one CSV, with mail off and with mail on (two
 *   servers on one database, one after the other), `--runs` (3) times each -> median milliseconds, and
 *   the ratio on/off (the outbox rows are written in the invitation's transaction).
 * - Drain: from the CSV answer until the SMTP server has received every mail -> seconds and mails
 *   per second, with the default poll interval (2 s) scaled down to `--poll` (200 ms).
 *
 * Figures go to bench-results/mail.json; progress to stderr; `--json` prints the figures alone on stdout.
 * Options: --candidates 200 --runs 3 --poll 200
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SMTPServer } from 'smtp-server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const log = (message: string) => process.stderr.write(`[bench:mail] ${message}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const candidates = arg('candidates', 200);
  const runs = arg('runs', 3);
  const poll = arg('poll', 200);
  process.env.RUBRICON_MARIADB = 'available';
  const { createMariadbDatabase } = await import('../support/mariadb');
  const { startTestApp, ADMIN, loginAs } = await import('../support/test-app');
  const { publishedAssessment } = await import('../factories/attempts');
  const { createStaff } = await import('../factories/staff');
  const { MAIL_OFF } = await import('../../apps/api/src/config');

  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  const db = await createMariadbDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'rubricon-bench-'));
  const database = { database: { type: 'mariadb' as const, url: db.url }, dataDir, dispose: async () => undefined };
  const csv = (run: string) =>
    ['name,email,language']
      .concat(
        Array.from(
          { length: candidates },
          (_, i) => `候选人 ${i + 1},c${i + 1}-${run}@bench.test,${i % 2 ? 'en' : 'zh'}`,
        ),
      )
      .join('\n');

  const timings: Record<'off' | 'on', number[]> = { off: [], on: [] };
  const drains: { seconds: number; mailsPerSecond: number }[] = [];
  try {
    for (const mode of ['off', 'on'] as const) {
      const app = await startTestApp(database, {
        mail: { ...MAIL_OFF, smtpUrl: mode === 'on' ? smtpUrl : null, pollMs: poll, perRecipientPerHour: 100 },
      });
      try {
        const admin = await loginAs(app.url, ADMIN.email, ADMIN.password);
        const hr = (await createStaff(app.url, admin, 'hr')).token;
        for (let run = 0; run < runs; run++) {
          const assessment = await publishedAssessment(app.url, hr, '产品经理');
          const before = received;
          const t0 = performance.now();
          await request(app.url)
            .post(`/api/assessments/${assessment.id}/invitations/csv`)
            .set('Authorization', `Bearer ${hr}`)
            .send({ text: csv(`${mode}${run}`) })
            .expect(201);
          const invited = performance.now();
          timings[mode].push(invited - t0);
          if (mode === 'on') {
            while (received - before < candidates) await new Promise((r) => setTimeout(r, 20));
            const seconds = (performance.now() - invited) / 1000;
            drains.push({ seconds: round(seconds), mailsPerSecond: round(candidates / seconds) });
          }
          log(
            `mail ${mode}, run ${run + 1}: invited ${candidates} in ${Math.round(invited - t0)} ms` +
              (mode === 'on' ? `, all received ${drains.at(-1)!.seconds} s later` : ''),
          );
        }
      } finally {
        await app.close();
      }
    }
    const figures = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, load: loadavg().map((l) => Math.round(l * 100) / 100) },
      candidates,
      runs,
      pollMs: poll,
      inviteCsvMs: { mailOff: Math.round(median(timings.off)), mailOn: Math.round(median(timings.on)) },
      inviteCostRatio: Math.round((median(timings.on) / median(timings.off)) * 100) / 100,
      drain: {
        medianSeconds: median(drains.map((d) => d.seconds)),
        medianMailsPerSecond: median(drains.map((d) => d.mailsPerSecond)),
        runs: drains,
      },
    };
    mkdirSync(join(__dirname, '..', '..', 'bench-results'), { recursive: true });
    writeFileSync(join(__dirname, '..', '..', 'bench-results', 'mail.json'), JSON.stringify(figures, null, 2) + '\n');
    log(
      `invite ${candidates} from CSV: ${figures.inviteCsvMs.mailOff} ms without mail, ${figures.inviteCsvMs.mailOn} ms with (x${figures.inviteCostRatio}); drained in ${figures.drain.medianSeconds} s (${figures.drain.medianMailsPerSecond} mails/s) -> bench-results/mail.json`,
    );
    if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(figures) + '\n');
  } finally {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`[bench:mail] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
