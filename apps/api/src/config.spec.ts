import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe(loadConfig.name, () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'rubricon-config-'));

  it('defaults to SQLite under the data directory and port 3000', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: join(dir, 'rubricon.sqlite') });
  });

  it('selects MySQL or MariaDB from DATABASE_URL', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://u:p@db:3306/rubricon' }).database).toEqual({
      type: 'mysql',
      url: 'mysql://u:p@db:3306/rubricon',
    });
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mariadb://u:p@db:3306/rubricon' }).database.type).toBe(
      'mariadb',
    );
  });

  it('generates a JWT secret once and keeps it in the data directory', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir() }).jwtSecret).not.toBe(first);
  });

  it('leaves mail off unless SMTP_URL is set, and derives the From address from PUBLIC_URL', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).mail.smtpUrl).toBeNull();
    const mail = loadConfig({
      DATA_DIR: dataDir(),
      SMTP_URL: 'smtp://user:p%40ss@mail.example.com:587',
      PUBLIC_URL: 'https://assess.example.com',
      MAIL_SENDER_NAME: 'Acme 招聘',
    }).mail;
    expect(mail).toMatchObject({
      smtpUrl: 'smtp://user:p%40ss@mail.example.com:587',
      from: 'Acme 招聘 <no-reply@assess.example.com>',
      perRecipientPerHour: 6,
      timeZone: 'Asia/Shanghai',
    });
    expect(loadConfig({ DATA_DIR: dataDir(), MAIL_FROM: 'HR <hr@example.com>' }).mail.from).toBe('HR <hr@example.com>');
  });

  it('refuses mail settings that cannot work, naming each', () => {
    const refuse = (env: Record<string, string>) => () => loadConfig({ DATA_DIR: dataDir(), ...env });
    expect(refuse({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL: must look like smtp:\/\//);
    expect(refuse({ MAIL_FROM: 'HR <hr@example.com>\r\nBcc: x@evil.test' })).toThrow(/MAIL_FROM: must be an address/);
    expect(refuse({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    expect(refuse({ MAIL_TIME_ZONE: 'Mars/Olympus' })).toThrow(/MAIL_TIME_ZONE: must be an IANA time zone/);
    expect(refuse({ MAIL_PER_RECIPIENT_PER_HOUR: '0' })).toThrow(/MAIL_PER_RECIPIENT_PER_HOUR/);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: '', ADMIN_PASSWORD: '', DATABASE_URL: '' });
    expect(config.database.type).toBe('sqlite');
    expect(config.admin.password).toBeUndefined();
  });

  it('names every bad value in one clear message', () => {
    expect(() =>
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', DATABASE_URL: 'postgres://x/y', ADMIN_PASSWORD: 'short' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', DATABASE_URL: 'postgres://x/y', ADMIN_PASSWORD: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT: must be a port number');
      expect(message).toContain('DATABASE_URL: must look like mysql://');
      expect(message).toContain('ADMIN_PASSWORD: must be at least 10 characters');
    }
  });

  it('trusts no proxy unless told, and accepts addresses, CIDR ranges and express keywords', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trustedProxies).toEqual([]);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,::1' }).trustedProxies).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['everyone', '10.0.0.0/33', '300.1.1.1'])
      expect(() => loadConfig({ DATA_DIR: dataDir(), TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
  });
});
