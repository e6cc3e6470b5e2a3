import { judgeFailure, nextSendAllowedAt, retryDelayMs } from './delivery-policy';

describe('judgeFailure', () => {
  it('takes a refused recipient or message for good, with the server answer', () => {
    const verdict = judgeFailure({
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 5.1.1 <x@y.test>: no such user',
    });
    expect(verdict).toEqual({ permanent: true, reason: '550 5.1.1 <x@y.test>: no such user' });
    expect(judgeFailure({ code: 'EMESSAGE', command: 'DATA', responseCode: 554, response: '554 spam' }).permanent).toBe(
      true,
    );
  });

  it('retries a 5xx about the sender or the sign-in: the settings are wrong, not the mail', () => {
    const relay = { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553, response: '553 relaying denied' };
    expect(judgeFailure(relay)).toEqual({ permanent: false, reason: '553 relaying denied' });
    expect(
      judgeFailure({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 no' }).permanent,
    ).toBe(false);
  });

  it('keeps a link a server quotes back out of the reason', () => {
    const { reason } = judgeFailure({
      command: 'DATA',
      responseCode: 554,
      response: '554 blocked URL https://assess.example.com/take/AbC123-secret in body',
    });
    expect(reason).toBe('554 blocked URL https://assess.example.com/take/… in body');
  });

  it('retries 4xx answers, refused connections and timeouts', () => {
    expect(judgeFailure({ responseCode: 451, response: '451 4.3.0 try later' }).permanent).toBe(false);
    const refused = judgeFailure({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' });
    expect(refused).toEqual({ permanent: false, reason: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525' });
    expect(judgeFailure({ code: 'ETIMEDOUT', message: 'Greeting never received' }).permanent).toBe(false);
  });

  it('keeps reasons on one line and short', () => {
    const { reason } = judgeFailure({ responseCode: 554, response: `554 no\r\n${'x'.repeat(2000)}` });
    expect(reason).not.toMatch(/[\r\n]/);
    expect(reason.length).toBeLessThanOrEqual(480);
    expect(judgeFailure('boom').reason).toBe('boom');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base up to 15 minutes, spread by ±10 %', () => {
    expect(retryDelayMs(1, 1000, () => 0.5)).toBe(1000);
    expect(retryDelayMs(3, 1000, () => 0.5)).toBe(4000);
    expect(retryDelayMs(30, 1000, () => 0.5)).toBe(900_000);
    expect(retryDelayMs(2, 1000, () => 0)).toBe(1800);
    expect(retryDelayMs(2, 1000, () => 1)).toBe(2200);
  });
});

describe('nextSendAllowedAt', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it('is now while the address had fewer than cap mails in the past hour', () => {
    expect(nextSendAllowedAt([minutesAgo(10), minutesAgo(90), minutesAgo(120)], 2, now)).toEqual(now);
  });

  it('is an hour after the oldest of the last cap sends once the cap is reached', () => {
    const at = nextSendAllowedAt([minutesAgo(5), minutesAgo(50), minutesAgo(20)], 3, now);
    expect(at).toEqual(new Date(minutesAgo(50).getTime() + 3_600_000));
    expect(nextSendAllowedAt([minutesAgo(5), minutesAgo(50), minutesAgo(20)], 2, now)).toEqual(
      new Date(minutesAgo(20).getTime() + 3_600_000),
    );
  });
});
