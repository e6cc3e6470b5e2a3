import { MAIL_KINDS, MAIL_LANGS, type MailKind, type MailLang } from '@rubricon/contracts';
import { renderMail } from './render';
import type { MailInput, MailTitle } from './types';

const LINK = 'https://rubricon.example.com/a/8f3kQ2x9VbT7mNc4?lang=zh&from=mail';
const ROOM = 'https://rubricon.example.com/interviews/9d1e/room?t=Zk3&x=1';
const TITLE: MailTitle = { zh: 'Java 后端工程师', en: 'Java Backend Engineer' };
const HOSTILE_NAME = '<script>alert(1)</script>';
const HOSTILE_TITLE = '"a\r\nBcc: x@evil.test';
const EXPLANATION =
  'Coding: 7/10, reviewed by two raters.\r\nSystem design: 5/10.\n\nOverall: "hire" < threshold & needs > 6.';

/** One input per kind, in `lang`, with the given name and title. */
function input(kind: MailKind, lang: MailLang, name = 'Alice Smith', title: MailTitle = TITLE): MailInput {
  const common = { lang, candidateName: name, timeZone: 'Asia/Shanghai', senderName: 'Acme Recruiting', title };
  switch (kind) {
    case 'invitation':
    case 'new-link':
      return { ...common, kind, minutes: 90, expiresAt: new Date('2026-12-08T10:00:00Z'), link: LINK };
    case 'reminder-expiry':
      return {
        ...common,
        kind,
        minutes: 90,
        expiresAt: new Date('2026-12-08T10:00:00Z'),
        invitedAt: new Date('2026-12-01T02:00:00Z'),
      };
    case 'reminder-deadline':
      return { ...common, kind, deadline: new Date('2026-12-08T10:00:00Z') };
    case 'extra-time':
      return { ...common, kind, addedMinutes: 30, deadline: new Date('2026-12-08T10:00:00Z'), minutes: 120 };
    case 'interview':
      return {
        ...common,
        kind,
        startsAt: new Date('2026-12-08T10:00:00Z'),
        durationMinutes: 60,
        link: ROOM,
        uid: 'iv-42',
        sequence: 1,
        stampedAt: new Date('2026-12-01T02:00:00Z'),
        organizer: { name: 'HR Li', email: 'hr@acme.test' },
        candidateEmail: 'alice@example.test',
      };
    case 'explanation':
      return { ...common, kind, text: EXPLANATION };
  }
}

/** The link a kind carries, or null. */
const linkOf = (mail: MailInput) => ('link' in mail ? mail.link : null);
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Whitespace runs (wrapped lines) as one space. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** No whitespace at all: Chinese wrapped across lines reads on. */
const squash = (s: string) => s.replace(/\s+/g, '');
const CASES = MAIL_KINDS.flatMap((kind) => MAIL_LANGS.map((lang) => [kind, lang] as const));
const DATE = { en: 'Tue, 8 Dec 2026, 18:00 (China Standard Time)', zh: '2026年12月8日 星期二 18:00（中国标准时间）' };

describe.each(CASES)('renderMail: %s, %s', (kind, lang) => {
  const mail = input(kind, lang);
  const out = renderMail(mail);
  const link = linkOf(mail);

  it('has a one-line subject that names the title', () => {
    expect(out.subject.length).toBeGreaterThan(0);
    expect(out.subject).toContain(TITLE[lang]);
    expect(out.subject).not.toMatch(/[\r\n]/);
  });

  it('holds the link exactly when the kind carries one, and no other address', () => {
    const urls = (s: string) => s.match(/https?:\/\/[^\s<>"']+/g) ?? [];
    if (link) {
      expect(out.text).toContain(`\n${link}\n`);
      expect(out.html).toContain(`<a href="${escapeHtml(link)}"`);
      expect(out.html).toContain(`>${escapeHtml(link)}</span>`);
      expect(new Set(urls(out.text))).toEqual(new Set([link]));
      expect(new Set(urls(out.html.replace(/&amp;/g, '&')))).toEqual(new Set([link]));
    } else {
      expect(urls(out.text)).toEqual([]);
      expect(urls(out.html)).toEqual([]);
      expect(out.html).not.toContain('href=');
    }
  });

  it('is a self-contained HTML document: no remote content, no script', () => {
    expect(out.html.startsWith('<!doctype html>\n')).toBe(true);
    expect(out.html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
    expect(out.html).toContain('<meta charset="utf-8">');
    expect(out.html).not.toMatch(/src\s*=/i);
    expect(out.html).not.toMatch(/url\(/i);
    expect(out.html).not.toMatch(/<script/i);
    expect(out.html).not.toMatch(/<link|<style|@import/i);
    expect((out.html.match(/href=/g) ?? []).length).toBe(link ? 1 : 0);
  });

  it('greets by name, signs with the sender and says it was sent automatically', () => {
    expect(out.text).toContain('Alice Smith');
    expect(out.text).toContain('Acme Recruiting');
    expect(out.text).toContain(lang === 'zh' ? '自动发送' : 'sent automatically');
    expect(out.html).toContain('Acme Recruiting');
  });

  it('writes plain text with LF line ends, lines of at most 78 code points but the link', () => {
    expect(out.text).not.toContain('\r');
    for (const line of out.text.split('\n')) {
      if (line !== link) expect(Array.from(line).length).toBeLessThanOrEqual(78);
    }
  });

  if (lang === 'zh') {
    it('is written in Chinese', () => {
      expect(out.text).toMatch(/[\u4E00-\u9FFF]{10}/);
      expect(out.html).toMatch(/[\u4E00-\u9FFF]{10}/);
    });
  }

  if (kind !== 'explanation' && kind !== 'new-link') {
    it('writes its date in the language, with the zone', () => {
      expect(squash(out.text)).toContain(squash(DATE[lang]));
      expect(out.html).toContain(DATE[lang]);
    });
  }

  it('neutralises a hostile name and title', () => {
    const hostile = renderMail(input(kind, lang, HOSTILE_NAME, { zh: HOSTILE_TITLE, en: HOSTILE_TITLE }));
    expect(hostile.subject).not.toMatch(/[\r\n]/);
    expect(hostile.subject).toContain('"a Bcc: x@evil.test');
    expect(hostile.html).not.toMatch(/<script/i);
    expect(hostile.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile.html).toContain('&quot;a Bcc: x@evil.test');
    expect(hostile.html).not.toContain('"a Bcc');
    expect(hostile.text).toContain(`${HOSTILE_NAME}`);
    expect(hostile.text).not.toMatch(/\r|\nBcc:/);
    for (const attachment of hostile.attachments) {
      expect(attachment.content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });
});

describe('renderMail, by kind', () => {
  it('invitation subjects read as the examples', () => {
    expect(renderMail(input('invitation', 'en')).subject).toBe(
      'Invitation: Java Backend Engineer assessment (90 minutes)',
    );
    expect(renderMail(input('invitation', 'zh')).subject).toBe('测评邀请：Java 后端工程师（90 分钟）');
  });

  it('the other subjects say what the mail is', () => {
    const subject = (kind: MailKind, lang: MailLang) => renderMail(input(kind, lang)).subject;
    expect(subject('new-link', 'en')).toBe('New link for your Java Backend Engineer assessment');
    expect(subject('reminder-expiry', 'en')).toBe(
      `Reminder: your invitation to the Java Backend Engineer assessment expires on ${DATE.en}`,
    );
    expect(subject('reminder-expiry', 'zh')).toBe(`提醒：“Java 后端工程师”测评邀请将于${DATE.zh}过期`);
    expect(subject('reminder-deadline', 'en')).toBe(
      `Reminder: your Java Backend Engineer assessment ends at ${DATE.en}`,
    );
    expect(subject('extra-time', 'en')).toBe('More time for your Java Backend Engineer assessment');
    expect(subject('interview', 'en')).toBe(`Interview invitation: Java Backend Engineer on ${DATE.en}`);
    expect(subject('explanation', 'en')).toBe('How your Java Backend Engineer assessment result was reached');
    expect(subject('explanation', 'zh')).toBe('关于您“Java 后端工程师”测评结果的说明');
  });

  it('falls back to the other language when the title is empty, then to the sender', () => {
    expect(renderMail(input('invitation', 'zh', 'x', { zh: '  ', en: 'Data Engineer' })).subject).toBe(
      '测评邀请：Data Engineer（90 分钟）',
    );
    expect(renderMail(input('invitation', 'en', 'x', { zh: '', en: '' })).subject).toBe(
      'Invitation: Acme Recruiting assessment (90 minutes)',
    );
  });

  it('invitation tells how long, until when, how the timer works, that the link is personal', () => {
    const en = renderMail(input('invitation', 'en'))
      .text.replace(/\n +/g, ' ')
      .replace(/\n(?!\n|- )/g, ' ');
    expect(en).toContain('90 minutes once you start');
    expect(en).toContain(`Link works until: ${DATE.en}`);
    expect(en).toMatch(/timer starts only when you press “Start the assessment”/);
    expect(en).toMatch(/kept by our server/);
    expect(en).toMatch(/answers already saved are kept/);
    expect(en).toMatch(/same link again/);
    expect(en).toMatch(/do not forward/);
    const zh = squash(renderMail(input('invitation', 'zh')).text);
    for (const phrase of ['90分钟', '点击“开始测评”后才开始计时', '以服务器为准', '自动保存', '同一链接', '请勿转发']) {
      expect(zh).toContain(phrase);
    }
  });

  it('new-link says the previous link no longer works', () => {
    expect(flat(renderMail(input('new-link', 'en')).text)).toMatch(/previous link no longer works/);
    expect(squash(renderMail(input('new-link', 'zh')).text)).toContain('原链接已失效');
  });

  it('new-link for an attempt under way says when it ends and that the clock kept running, not how long it takes', () => {
    const deadline = new Date('2026-12-08T10:00:00Z');
    const underWay = (lang: 'zh' | 'en') =>
      renderMail({ ...(input('new-link', lang) as Extract<MailInput, { kind: 'invitation' | 'new-link' }>), deadline });
    const en = flat(underWay('en').text);
    expect(en).toContain(`Ends at: ${DATE.en}`);
    expect(en).toMatch(/under way/);
    expect(en).toMatch(/does not stop for the new link/);
    expect(en).not.toMatch(/once you start|press “Start/);
    expect(underWay('en').text).toContain(LINK);
    const zh = squash(underWay('zh').text);
    expect(zh).toContain('测评正在进行中');
    expect(zh).toContain('更换链接不会暂停计时');
    expect(zh).not.toContain('点击“开始测评”');
  });

  it('reminder-expiry explains why it has no link and how to get a new one', () => {
    const en = flat(renderMail(input('reminder-expiry', 'en')).text);
    expect(en).toContain('On Tue, 1 Dec 2026, we sent you an invitation');
    expect(en).toContain('you have not started yet');
    expect(en).toContain('reminders do not include the link');
    expect(en).toContain('ask for a new link');
    const zh = squash(renderMail(input('reminder-expiry', 'zh')).text);
    expect(zh).toContain('提醒邮件不含测评链接');
  });

  it('reminder-deadline says what happens at the deadline', () => {
    const en = flat(renderMail(input('reminder-deadline', 'en')).text);
    expect(en).toContain('your saved answers are submitted automatically');
    expect(squash(renderMail(input('reminder-deadline', 'zh')).text)).toContain('自动提交');
  });

  it('extra-time gives the new end, or the new total before the start', () => {
    const moved = flat(renderMail(input('extra-time', 'en')).text);
    expect(moved).toContain('We have added 30 minutes');
    expect(moved).toContain(`It now ends at ${DATE.en}.`);
    const notStarted = { ...input('extra-time', 'zh'), deadline: null } as MailInput;
    const zh = squash(renderMail(notStarted).text);
    expect(zh).toContain('30分钟');
    expect(zh).toContain('您共有120分钟');
    expect(zh).not.toContain('2026年');
  });

  it('interview attaches its calendar event, in the mail language', () => {
    const zh = renderMail(input('interview', 'zh'));
    expect(zh.attachments).toHaveLength(1);
    const [ics] = zh.attachments;
    expect(ics.filename).toBe('interview.ics');
    expect(ics.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    const unfolded = ics.content.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:面试：Java 后端工程师（Acme Recruiting）');
    expect(unfolded).toContain('UID:iv-42@rubricon');
    expect(unfolded).toContain('DTSTART:20261208T100000Z');
    expect(unfolded).toContain('DTEND:20261208T110000Z');
    expect(unfolded).toContain(`URL:${ROOM}`);
    expect(unfolded).toContain('ATTENDEE;CN="Alice Smith";');
    expect(zh.text).toContain('Chrome、Edge 或 Firefox');
    expect(zh.text).toContain('interview.ics');
    expect(renderMail(input('interview', 'en')).attachments[0].content).toContain(
      'SUMMARY:Interview: Java Backend Engineer',
    );
  });

  it('only interview mails have attachments', () => {
    for (const kind of MAIL_KINDS.filter((k) => k !== 'interview')) {
      expect(renderMail(input(kind, 'en')).attachments).toEqual([]);
    }
  });

  it('explanation keeps the text verbatim, line breaks as <br> in HTML', () => {
    const en = renderMail(input('explanation', 'en'));
    expect(en.text).toContain(EXPLANATION.replace(/\r\n/g, '\n'));
    expect(en.html).toContain(
      'Coding: 7/10, reviewed by two raters.<br>\nSystem design: 5/10.<br>\n<br>\n' +
        'Overall: &quot;hire&quot; &lt; threshold &amp; needs &gt; 6.',
    );
  });

  it('refuses a link that is not http(s)', () => {
    const bad = { ...input('invitation', 'en'), link: 'javascript:alert(1)' } as MailInput;
    expect(() => renderMail(bad)).toThrow(RangeError);
    const spaced = { ...input('invitation', 'en'), link: 'https://x.test/a b' } as MailInput;
    expect(() => renderMail(spaced)).toThrow(RangeError);
  });

  it('is pure: the same input gives the same mail', () => {
    expect(renderMail(input('interview', 'en'))).toEqual(renderMail(input('interview', 'en')));
  });
});
