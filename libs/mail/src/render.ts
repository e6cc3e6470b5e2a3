import type { MailLang } from '@rubricon/contracts';
import { headerSafe } from './header-safe';
import { interviewIcs } from './ics';
import { letterHtml, letterText, type Block, type Inline } from './layout';
import type { MailAttachment, MailInput, MailTitle, RenderedMail } from './types';
import { formatDay, formatMinutes, formatWhen } from './when';

/** Longest name or title written into a body: user input, kept to one line. */
const VALUE_MAX = 300;
/** Longest title written into a subject, so the rest of the subject (date, minutes) still fits. */
const SUBJECT_TITLE_MAX = 80;
/** Signs a mail whose sender has no name. */
const DEFAULT_SENDER = 'Rubricon';

/** The words every message shares, per language. */
const COMMON = {
  en: {
    questions: 'If you have any questions, contact your recruiter.',
    regards: 'Best regards,',
    automatic: 'This email was sent automatically.',
    fallback: 'If the button does not work, copy this address into your browser:',
  },
  zh: {
    questions: '如有任何疑问，请联系招聘负责人。',
    regards: '祝好！',
    automatic: '（本邮件由系统自动发送）',
    fallback: '如果按钮无法打开，请将以下地址复制到浏览器中访问：',
  },
} as const;

/** What each kind contributes: its subject (before header-safing), body blocks and attachments. */
interface Parts {
  subject: string;
  blocks: Block[];
  /** The closing words in place of the usual ones ("Good luck!" ...). */
  wish?: string;
  attachments?: MailAttachment[];
}

/** Facts about one input, already safe and in the mail's language. */
interface Ctx {
  lang: MailLang;
  /** The title for bodies, and the shorter one for subjects. */
  title: string;
  subjectTitle: string;
  name: string;
  sender: string;
  when: (date: Date) => string;
  day: (date: Date) => string;
  min: (minutes: number) => string;
}

/**
 * One candidate mail, rendered: subject (one header-safe line), plain text and HTML saying the same,
 * and attachments (the interview's .ics). Pure: the same input gives the same mail. Only invitation,
 * new-link and interview mails hold a link; the others never do (links go out once, in their own
 * mail). A link that is not an absolute http(s) URL is a RangeError.
 */
export function renderMail(input: MailInput): RenderedMail {
  const ctx = context(input);
  const parts = kindParts(input, ctx);
  const words = COMMON[ctx.lang];
  const subject = headerSafe(parts.subject);
  const greeting =
    ctx.lang === 'zh' ? (ctx.name ? `${ctx.name}，您好：` : '您好：') : ctx.name ? `Hello ${ctx.name},` : 'Hello,';
  const signature =
    ctx.lang === 'zh'
      ? [parts.wish ?? words.regards, ctx.sender]
      : [...(parts.wish ? [parts.wish, ''] : []), words.regards, ctx.sender];
  const letter = {
    lang: ctx.lang,
    title: subject,
    greeting,
    blocks: parts.blocks,
    signature,
    automatic: words.automatic,
  };
  return { subject, text: letterText(letter), html: letterHtml(letter), attachments: parts.attachments ?? [] };
}

function context(input: MailInput): Ctx {
  const { lang, timeZone } = input;
  const sender = headerSafe(input.senderName, VALUE_MAX) || DEFAULT_SENDER;
  return {
    lang,
    title: pickTitle(input.title, lang, VALUE_MAX) || sender,
    subjectTitle: pickTitle(input.title, lang, SUBJECT_TITLE_MAX) || headerSafe(sender, SUBJECT_TITLE_MAX),
    name: headerSafe(input.candidateName, VALUE_MAX),
    sender,
    when: (date) => formatWhen(date, lang, timeZone),
    day: (date) => formatDay(date, lang, timeZone),
    min: (minutes) => formatMinutes(minutes, lang),
  };
}

/** The title in the mail's language, or the other language's when that side is empty. */
function pickTitle(title: MailTitle, lang: MailLang, max: number): string {
  const other: MailLang = lang === 'zh' ? 'en' : 'zh';
  return headerSafe(title[lang] ?? '', max) || headerSafe(title[other] ?? '', max);
}

function kindParts(input: MailInput, ctx: Ctx): Parts {
  switch (input.kind) {
    case 'invitation':
    case 'new-link':
      if (input.kind === 'new-link' && input.deadline) return resumeLink(ctx, input.deadline, checkLink(input.link));
      return invitation(ctx, input.kind === 'new-link', input.minutes, input.expiresAt, checkLink(input.link));
    case 'reminder-expiry':
      return reminderExpiry(ctx, input.minutes, input.expiresAt, input.invitedAt);
    case 'reminder-deadline':
      return reminderDeadline(ctx, input.deadline);
    case 'extra-time':
      return extraTime(ctx, input.addedMinutes, input.deadline, input.minutes);
    case 'interview':
      return interview(ctx, { ...input, link: checkLink(input.link) });
    case 'explanation':
      return explanation(ctx, input.text);
  }
}

const b = (strong: string): Inline => ({ strong });

function invitation(ctx: Ctx, renewed: boolean, minutes: number, expiresAt: Date, url: string): Parts {
  const { title: t, subjectTitle: st } = ctx;
  const min = ctx.min(minutes);
  const until = ctx.when(expiresAt);
  if (ctx.lang === 'zh') {
    return {
      subject: renewed ? `新的测评链接：${st}` : `测评邀请：${st}（${min}）`,
      blocks: [
        {
          p: renewed
            ? ['您“', b(t), '”在线测评的链接已更新。原链接已失效，请使用本邮件中的新链接，并在链接过期前开始作答。']
            : ['诚邀您参加“', b(t), '”在线测评，请在链接过期前开始作答。'],
        },
        {
          facts: [
            ['作答时长', [b(min)]],
            ['链接有效期至', [b(until)]],
          ],
        },
        {
          list: [
            [`点击“开始测评”后才开始计时，请确保有连续 ${min}的空闲时间后再开始。`],
            ['计时以服务器为准，关闭页面或网络中断时计时不会暂停。'],
            ['作答过程中答案会自动保存，已保存的答案不会丢失；如遇断网，使用同一链接重新打开即可继续作答。'],
            ['此链接为您的专属链接，请勿转发或分享给他人。'],
          ],
        },
        {
          link: {
            label: renewed ? '新的专属测评链接：' : '您的专属测评链接：',
            button: '进入测评',
            fallback: COMMON.zh.fallback,
            url,
          },
        },
        { p: [COMMON.zh.questions] },
      ],
      wish: '祝您测评顺利！',
    };
  }
  return {
    subject: renewed ? `New link for your ${st} assessment` : `Invitation: ${st} assessment (${min})`,
    blocks: [
      {
        p: renewed
          ? [
              'Here is a new link for your ',
              b(t),
              ' assessment. The previous link no longer works, so please use this one, and start before it expires.',
            ]
          : ['You are invited to take the online assessment for ', b(t), '. Please start it before the link expires.'],
      },
      {
        facts: [
          ['Time allowed', [b(min), ' once you start']],
          ['Link works until', [b(until)]],
        ],
      },
      {
        list: [
          [`The timer starts only when you press “Start the assessment”, so begin when you have ${min} free.`],
          ['The time is kept by our server: it keeps running if you close the page or lose your connection.'],
          [
            'Your answers are saved automatically as you work, and answers already saved are kept. If you are ' +
              'disconnected, open the same link again and carry on.',
          ],
          ['The link is personal: please do not forward it or share it with anyone.'],
        ],
      },
      {
        link: {
          label: renewed ? 'Your new personal link:' : 'Your personal link:',
          button: 'Open the assessment',
          fallback: COMMON.en.fallback,
          url,
        },
      },
      { p: [COMMON.en.questions] },
    ],
    wish: 'Good luck!',
  };
}

/** A new link for an attempt under way: its clock kept running, so the mail says when it ends, not how long it takes. */
function resumeLink(ctx: Ctx, deadline: Date, url: string): Parts {
  const { title: t, subjectTitle: st } = ctx;
  const end = ctx.when(deadline);
  if (ctx.lang === 'zh') {
    return {
      subject: `新的测评链接：${st}`,
      blocks: [
        { p: ['您“', b(t), '”在线测评的链接已更新，原链接已失效。您的测评正在进行中，请使用新链接继续作答。'] },
        { facts: [['测评结束时间', [b(end)]]] },
        {
          list: [
            ['计时从您开始测评时起算，更换链接不会暂停计时；到达结束时间时，已保存的答案将自动提交。'],
            ['已保存的答案不会丢失，打开新链接即可从中断处继续作答。'],
            ['此链接为您的专属链接，请勿转发或分享给他人。'],
          ],
        },
        { link: { label: '新的专属测评链接：', button: '继续测评', fallback: COMMON.zh.fallback, url } },
        { p: [COMMON.zh.questions] },
      ],
      wish: '祝您测评顺利！',
    };
  }
  return {
    subject: `New link for your ${st} assessment`,
    blocks: [
      {
        p: [
          'Here is a new link for your ',
          b(t),
          ' assessment; the previous link no longer works. Your assessment is under way: use this link to carry on.',
        ],
      },
      { facts: [['Ends at', [b(end)]]] },
      {
        list: [
          [
            'The timer started when you began and does not stop for the new link; at the end time your saved ' +
              'answers are submitted automatically.',
          ],
          ['Answers already saved are kept: open the new link to carry on where you left off.'],
          ['The link is personal: please do not forward it or share it with anyone.'],
        ],
      },
      {
        link: {
          label: 'Your new personal link:',
          button: 'Continue the assessment',
          fallback: COMMON.en.fallback,
          url,
        },
      },
      { p: [COMMON.en.questions] },
    ],
    wish: 'Good luck!',
  };
}

function reminderExpiry(ctx: Ctx, minutes: number, expiresAt: Date, invitedAt: Date): Parts {
  const { title: t, subjectTitle: st } = ctx;
  const min = ctx.min(minutes);
  const until = ctx.when(expiresAt);
  const sent = ctx.day(invitedAt);
  if (ctx.lang === 'zh') {
    return {
      subject: `提醒：“${st}”测评邀请将于${until}过期`,
      blocks: [
        { p: [`${sent}，我们向您发送了“`, b(t), '”在线测评邀请。该邀请将于', b(until), '过期，目前您尚未开始作答。'] },
        { p: ['测评开始后，作答时间为 ', b(min), '，请在邀请过期前开始作答。'] },
        {
          p: [
            '请使用邀请邮件中的链接进入测评。为保障安全，提醒邮件不含测评链接。' +
              '如找不到邀请邮件，请联系招聘负责人，申请新的链接。',
          ],
        },
      ],
    };
  }
  return {
    subject: `Reminder: your invitation to the ${st} assessment expires on ${until}`,
    blocks: [
      {
        p: [
          `On ${sent}, we sent you an invitation to the `,
          b(t),
          ' online assessment. It expires on ',
          b(until),
          ', and you have not started yet.',
        ],
      },
      { p: ['The assessment takes ', b(min), ' once you start. Please start before the invitation expires.'] },
      {
        p: [
          'To start, use the link in the invitation email. For your safety, reminders do not include the link. ' +
            'If you cannot find the invitation, contact your ' +
            'recruiter to ask for a new link.',
        ],
      },
    ],
  };
}

function reminderDeadline(ctx: Ctx, deadline: Date): Parts {
  const { title: t, subjectTitle: st } = ctx;
  const end = ctx.when(deadline);
  if (ctx.lang === 'zh') {
    return {
      subject: `提醒：“${st}”测评将于${end}结束`,
      blocks: [
        { p: ['您正在进行的“', b(t), '”在线测评将于', b(end), '结束。'] },
        {
          p: ['您的答案会自动保存，请在结束前提交。到达结束时间时，已保存的答案将自动提交，未作答的题目按未作答处理。'],
        },
        { p: ['如需继续作答，请使用邀请邮件中的链接。为保障安全，本提醒邮件不含链接。'] },
        { p: [COMMON.zh.questions] },
      ],
    };
  }
  return {
    subject: `Reminder: your ${st} assessment ends at ${end}`,
    blocks: [
      { p: ['Your ', b(t), ' assessment is under way and ends at ', b(end), '.'] },
      {
        p: [
          'Your answers are saved automatically. Please submit before then: at that time your saved answers are ' +
            'submitted automatically, and any question you have not answered stays unanswered.',
        ],
      },
      {
        p: [
          'To continue, use the link from your invitation email. For your safety, this reminder does not include it.',
        ],
      },
      { p: [COMMON.en.questions] },
    ],
  };
}

function extraTime(ctx: Ctx, addedMinutes: number, deadline: Date | null, minutes: number): Parts {
  const { title: t, subjectTitle: st } = ctx;
  const added = ctx.min(addedMinutes);
  if (ctx.lang === 'zh') {
    return {
      subject: `测评时间已延长：${st}`,
      blocks: [
        { p: ['我们已为您的“', b(t), '”在线测评增加了 ', b(added), '作答时间。'] },
        {
          p: deadline
            ? ['测评结束时间已延后至', b(ctx.when(deadline)), '。']
            : ['开始作答后，您共有 ', b(ctx.min(minutes)), '的作答时间。'],
        },
        { p: ['请继续使用邀请邮件中的链接进入测评。为保障安全，本邮件不含链接。'] },
        { p: [COMMON.zh.questions] },
      ],
    };
  }
  return {
    subject: `More time for your ${st} assessment`,
    blocks: [
      { p: ['We have added ', b(added), ' to your ', b(t), ' assessment.'] },
      {
        p: deadline
          ? ['It now ends at ', b(ctx.when(deadline)), '.']
          : ['Once you start, you will have ', b(ctx.min(minutes)), ' in all.'],
      },
      {
        p: [
          'Use the same link as before, from your invitation email. For your safety, this email does not include it.',
        ],
      },
      { p: [COMMON.en.questions] },
    ],
  };
}

function interview(ctx: Ctx, input: Extract<MailInput, { kind: 'interview' }>): Parts {
  const { title: t, subjectTitle: st, sender } = ctx;
  const at = ctx.when(input.startsAt);
  const duration = ctx.min(input.durationMinutes);
  const zh = ctx.lang === 'zh';
  const ics = interviewIcs({
    uid: input.uid,
    sequence: input.sequence,
    stampedAt: input.stampedAt,
    startsAt: input.startsAt,
    durationMinutes: input.durationMinutes,
    summary: zh ? `面试：${t}（${sender}）` : `Interview: ${t} (${sender})`,
    description: zh
      ? `“${t}”在线面试（${sender}）。\n面试间内有共享代码编辑器，在浏览器中打开即可，无需安装软件。` +
        '请使用较新版本的 Chrome、Edge 或 Firefox，并提前几分钟进入。\n面试间链接：'
      : `Live interview for ${t} with ${sender}.\nShared code editor in your browser, nothing to install. ` +
        'Use a recent Chrome, Edge or Firefox and join a few minutes early.\nInterview room:',
    link: input.link,
    organizer: input.organizer,
    attendee: { name: input.candidateName, email: input.candidateEmail },
  });
  const attachments = [
    { filename: 'interview.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics },
  ];
  if (zh) {
    return {
      subject: `面试邀请：${st}，${at}`,
      blocks: [
        { p: ['诚邀您参加“', b(t), '”在线面试，安排如下：'] },
        {
          facts: [
            ['时间', [b(at)]],
            ['时长', [duration]],
          ],
        },
        {
          p: [
            '面试在线上面试间进行，您可直接在浏览器中使用共享代码编辑器，无需安装任何软件。' +
              '请使用较新版本的 Chrome、Edge 或 Firefox 浏览器，并提前几分钟进入。',
          ],
        },
        { p: ['随信附有日历文件（interview.ics），您可以将面试添加到日历中。'] },
        {
          link: {
            label: '面试间链接（仅供您本人使用，请勿转发）：',
            button: '进入面试间',
            fallback: COMMON.zh.fallback,
            url: input.link,
          },
        },
        { p: [COMMON.zh.questions] },
      ],
      wish: '期待与您交流！',
      attachments,
    };
  }
  return {
    subject: `Interview invitation: ${st} on ${at}`,
    blocks: [
      { p: ['You are invited to a live interview for ', b(t), '.'] },
      {
        facts: [
          ['When', [b(at)]],
          ['Duration', [duration]],
        ],
      },
      {
        p: [
          'The interview takes place in our online interview room, with a shared code editor in your browser: ' +
            'there is nothing to install. Please use a recent version of Chrome, Edge or Firefox, and join a few ' +
            'minutes early.',
        ],
      },
      { p: ['A calendar file (interview.ics) is attached, so you can add the interview to your calendar.'] },
      {
        link: {
          label: 'Your interview room link (personal, please do not forward it):',
          button: 'Join the interview room',
          fallback: COMMON.en.fallback,
          url: input.link,
        },
      },
      { p: [COMMON.en.questions] },
    ],
    wish: 'We look forward to speaking with you.',
    attachments,
  };
}

function explanation(ctx: Ctx, text: string): Parts {
  const { title: t, subjectTitle: st } = ctx;
  const verbatim = explanationText(text);
  if (ctx.lang === 'zh') {
    return {
      subject: `关于您“${st}”测评结果的说明`,
      blocks: [
        { p: ['以下是关于您“', b(t), '”测评结果的说明：'] },
        { verbatim },
        { p: ['如对以上说明有任何疑问，请联系招聘负责人。'] },
      ],
    };
  }
  return {
    subject: `How your ${st} assessment result was reached`,
    blocks: [
      { p: ['Here is how the result of your ', b(t), ' assessment was reached:'] },
      { verbatim },
      { p: ['If you have any questions about it, contact your recruiter.'] },
    ],
  };
}

/**
 * The explanation text as HR read it, made safe for a mail body: CRLF, lone CR and Unicode line
 * separators become LF, other control characters (NUL, ESC, C1...) go, blank lines at either end go.
 */
function explanationText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
      .replace(/^(?:[ \t]*\n)+|\s+$/g, '')
  );
}

/** The mail's link: an absolute http(s) URL with nothing that could end a line or an attribute. */
function checkLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new RangeError('The mail link is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('The mail link must be http(s)');
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\s\u0000-\u001F\u007F-\u009F<>"]/.test(link)) {
    throw new RangeError('The mail link holds whitespace, control characters or quotes');
  }
  return link;
}
