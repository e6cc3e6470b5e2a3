import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Configuration is read and validated here, once, at boot; nothing else reads process.env. */
export interface AppConfig {
  port: number;
  /** Where people reach this server; invitation links start with it. */
  publicUrl: string;
  /** `mysql://` and `mariadb://` both go through mysql2; the flavour tells TypeORM how to read the catalogue. */
  database: { type: 'sqlite'; path: string } | { type: 'mysql' | 'mariadb'; url: string };
  dataDir: string;
  seedDir: string;
  bankDir: string;
  webDir: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  admin: { email: string; password?: string };
  logFormat: 'json' | 'text';
  loginRateLimitPerMinute: number;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or express's
   * `loopback`, `linklocal`, `uniquelocal`); none by default, so a client cannot pick the address
   * that sign-in limits count.
   */
  trustedProxies: string[];
  /** Sandbox worker processes; default one per core. */
  runnerPoolSize: number;
  mail: MailConfig;
  /**
   * Scale-out (docs/scale-out.md): with a Redis URL, socket.io, the Yjs rooms, rate limits and
   * attempt events are shared across API instances, code runs go through a BullMQ queue to
   * `apps/runner` processes, and deadlines get a delayed job. Null: one process, everything in memory.
   */
  redis: RedisConfig | null;
  /** The bearer token `GET /metrics` wants; null: open (keep it behind the proxy, which denies it). */
  metricsToken: string | null;
  /** After SIGTERM, how long the instance stays up but unready before it stops taking connections. */
  shutdownDrainMs: number;
}

export interface RedisConfig {
  url: string;
  /** Prefix of every key and stream this deployment writes, so two deployments can share a Redis. */
  prefix: string;
  /** This instance's name in logs, metrics and leases (default: host name and process id). */
  instanceId: string;
  /** Embedded runners: this instance also consumes the run queue with its own worker processes. */
  embeddedRunners: boolean;
}

/** Mail to candidates. Without `smtpUrl` nothing is queued or sent: HR hands links over themselves. */
export interface MailConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; null: mail is off. */
  smtpUrl: string | null;
  /** The From header, e.g. `Rubricon <no-reply@example.com>`. */
  from: string;
  /** Whose name signs the messages (the company's or the team's). */
  senderName: string;
  /** The most messages one address is sent in any hour; the rest wait. */
  perRecipientPerHour: number;
  /** The zone dates in mails are written in. */
  timeZone: string;
  /** How often the outbox is read for messages due. */
  pollMs: number;
  /** The wait after the first failed try; it doubles with each, up to 15 minutes (72 hours of failures give a mail up). */
  retryBaseMs: number;
}

export class ConfigError extends Error {}

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

const envSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a port number (0-65535)' }).int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?$/.test(v), {
      message: 'must look like mysql://user:password@host:3306/database or mariadb://… (or be unset for SQLite)',
    }),
  PUBLIC_URL: z.string().trim().url('must be a URL such as https://rubricon.example.com').optional(),
  DATA_DIR: z.string().trim().min(1).default(join(PROJECT_ROOT, 'data')),
  SEED_DIR: z.string().trim().min(1).default(join(PROJECT_ROOT, 'seeds')),
  BANK_DIR: z.string().trim().min(1).default(join(PROJECT_ROOT, 'question-banks')),
  WEB_DIR: z
    .string()
    .trim()
    .min(1)
    .default(join(PROJECT_ROOT, 'dist', 'web')),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(12 * 3600),
  ADMIN_EMAIL: z.string().trim().toLowerCase().email('must be an email address').default('admin@rubricon.local'),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_FORMAT: z.enum(['json', 'text']).default('json'),
  RUNNER_POOL_SIZE: z.coerce
    .number({ message: 'must be a whole number' })
    .int()
    .min(1)
    .max(64)
    .default(availableParallelism()),
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isProxyAddress), {
      message:
        'must be a comma-separated list of IP addresses, CIDR ranges (10.0.0.0/8) or loopback, linklocal, uniquelocal',
    }),
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^smtps?:\/\/[^/\s]+\/?$/.test(v), {
      message: 'must look like smtp://user:password@mail.example.com:587 or smtps://…:465 (or be unset: no mail)',
    }),
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (!/[\r\n]/.test(v) && /^([^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/.test(v)), {
      message: 'must be an address, or a name and an address: Rubricon <no-reply@example.com>',
    }),
  MAIL_SENDER_NAME: z.string().trim().min(1).max(80).default('Rubricon'),
  MAIL_PER_RECIPIENT_PER_HOUR: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(1000).default(6),
  MAIL_TIME_ZONE: z
    .string()
    .trim()
    .default('Asia/Shanghai')
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai or Europe/London' }),
  MAIL_POLL_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(50)
    .max(600_000)
    .default(2000),
  MAIL_RETRY_BASE_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(10)
    .max(3_600_000)
    .default(30_000),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ message: 'must be a whole number' })
    .int()
    .min(1)
    .max(10_000)
    .default(10),
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^rediss?:\/\/[^\s]+$/.test(v), {
      message: 'must look like redis://host:6379 or rediss://user:password@host:6380/0 (or be unset: one process)',
    }),
  REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1-40 letters, digits, dots, dashes or underscores')
    .default('rubricon'),
  INSTANCE_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 letters, digits, dots, colons, dashes or underscores')
    .optional(),
  METRICS_TOKEN: z
    .string()
    .trim()
    .min(16, 'must be at least 16 characters (or unset: /metrics is open; keep it behind the proxy)')
    .optional(),
  SHUTDOWN_DRAIN_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(0)
    .max(60_000)
    .default(2_000),
  RUNNERS: z.enum(['embedded', 'remote'], { message: 'must be embedded or remote' }).default('remote'),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (as docker compose passes for `${X:-}`) means unset.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL)
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: several instances need one shared database: set DATABASE_URL to a MySQL server (SQLite is for one process).',
    );
  if (e.REDIS_URL && !e.JWT_SECRET)
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: every instance must sign and check sign-ins with the same key: set JWT_SECRET (at least 32 characters) on all of them.',
    );
  const dataDir = resolve(e.DATA_DIR);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  DATA_DIR: cannot use ${dataDir} as a directory (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  return {
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? { type: e.DATABASE_URL.startsWith('mariadb:') ? 'mariadb' : 'mysql', url: e.DATABASE_URL }
      : { type: 'sqlite', path: join(dataDir, 'rubricon.sqlite') },
    dataDir,
    seedDir: resolve(e.SEED_DIR),
    bankDir: resolve(e.BANK_DIR),
    webDir: resolve(e.WEB_DIR),
    jwtSecret: e.JWT_SECRET ?? persistentSecret(dataDir),
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    admin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    logFormat: e.LOG_FORMAT,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustedProxies: e.TRUSTED_PROXIES,
    runnerPoolSize: e.RUNNER_POOL_SIZE,
    redis: e.REDIS_URL
      ? {
          url: e.REDIS_URL,
          prefix: e.REDIS_PREFIX,
          instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
          embeddedRunners: e.RUNNERS === 'embedded',
        }
      : null,
    metricsToken: e.METRICS_TOKEN || null,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    mail: {
      smtpUrl: e.SMTP_URL || null,
      from:
        e.MAIL_FROM ??
        `${e.MAIL_SENDER_NAME.replace(/[^\p{L}\p{N} ._-]/gu, '')} <no-reply@${mailDomain(e.PUBLIC_URL)}>`,
      senderName: e.MAIL_SENDER_NAME,
      perRecipientPerHour: e.MAIL_PER_RECIPIENT_PER_HOUR,
      timeZone: e.MAIL_TIME_ZONE,
      pollMs: e.MAIL_POLL_MS,
      retryBaseMs: e.MAIL_RETRY_BASE_MS,
    },
  };
}

/** Settings for mail when a test or a tool builds a config by hand: mail off. */
export const MAIL_OFF: MailConfig = {
  smtpUrl: null,
  from: 'Rubricon <no-reply@localhost>',
  senderName: 'Rubricon',
  perRecipientPerHour: 6,
  timeZone: 'Asia/Shanghai',
  pollMs: 2000,
  retryBaseMs: 30_000,
};

/** The public host name, for a default From address; localhost when the URL is unset. */
function mailDomain(publicUrl: string | undefined): string {
  const host = publicUrl ? new URL(publicUrl).hostname : 'localhost';
  return host.includes('.') ? host : `${host}.localdomain`;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** A generated secret survives restarts (tokens stay valid) and differs per installation. */
function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
