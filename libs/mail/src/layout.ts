import type { MailLang } from '@rubricon/contracts';

/** Running text; `strong` parts are bold in HTML and plain in text. */
export type Inline = string | { strong: string };

/** The pieces a mail body is made of; each renders to plain text and to HTML. */
export type Block =
  | { p: Inline[] }
  | { list: Inline[][] }
  /** Label and value rows ("When: ..."), labels without their colon. */
  | { facts: [label: string, value: Inline[]][] }
  /** The one link of a mail: a label line, then the address on its own line (a button in HTML). */
  | { link: { label: string; button: string; fallback: string; url: string } }
  /** Text kept as written, line breaks and all (the explanation of a result, as HR read it). */
  | { verbatim: string };

/** A whole mail before rendering: greeting, body, sign-off and the "sent automatically" line. */
export interface Letter {
  lang: MailLang;
  /** The HTML document's title. */
  title: string;
  greeting: string;
  blocks: Block[];
  /** Sign-off lines, e.g. ["Best regards,", "Acme"]. */
  signature: string[];
  automatic: string;
}

/** Plain-text lines are wrapped at this many code points (a link or long word may run over). */
export const TEXT_WIDTH = 78;

/** The plain-text body: paragraphs wrapped at 78 code points, blocks separated by a blank line, LF line ends. */
export function letterText(letter: Letter): string {
  const colon = letter.lang === 'zh' ? '：' : ': ';
  const sections: string[][] = [[letter.greeting]];
  for (const block of letter.blocks) {
    if ('p' in block) sections.push(wrap(plain(block.p)));
    else if ('list' in block) sections.push(block.list.flatMap((item) => wrap(plain(item), '- ', '  ')));
    else if ('facts' in block) {
      sections.push(block.facts.flatMap(([label, value]) => wrap(label + colon + plain(value), '', '  ')));
    } else if ('link' in block) sections.push([...wrap(block.link.label), block.link.url]);
    else sections.push(block.verbatim.split('\n'));
  }
  sections.push(letter.signature, [letter.automatic]);
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

const FONTS = {
  en: "-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif",
  zh: "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif",
};
const P = 'margin:0 0 16px;';

/**
 * The HTML body: one self-contained document with inline styles only (no remote images, fonts,
 * stylesheets or scripts), every value HTML-escaped, and no link but the mail's own.
 */
export function letterHtml(letter: Letter): string {
  const colon = letter.lang === 'zh' ? '：' : ':';
  const body: string[] = [`<p style="${P}">${esc(letter.greeting)}</p>`];
  for (const block of letter.blocks) {
    if ('p' in block) body.push(`<p style="${P}">${inline(block.p)}</p>`);
    else if ('list' in block) {
      const items = block.list.map((item) => `<li style="margin:0 0 6px;">${inline(item)}</li>`);
      body.push(`<ul style="${P}padding-left:22px;">\n${items.join('\n')}\n</ul>`);
    } else if ('facts' in block) {
      const rows = block.facts.map(
        ([label, value]) =>
          `<tr><td style="padding:2px 16px 2px 0;color:#555555;vertical-align:top;white-space:nowrap;">` +
          `${esc(label)}${colon}</td><td style="padding:2px 0;vertical-align:top;">${inline(value)}</td></tr>`,
      );
      body.push(
        `<table role="presentation" style="${P}border-collapse:collapse;font-size:15px;">\n${rows.join('\n')}\n</table>`,
      );
    } else if ('link' in block) {
      const { label, button, fallback, url } = block.link;
      body.push(
        `<p style="${P}">${esc(label)}</p>`,
        `<p style="margin:0 0 12px;"><a href="${esc(url)}" style="display:inline-block;padding:10px 22px;` +
          `background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">` +
          `${esc(button)}</a></p>`,
        `<p style="${P}font-size:13px;color:#555555;">${esc(fallback)}<br>` +
          `<span style="word-break:break-all;color:#222222;">${esc(url)}</span></p>`,
      );
    } else {
      const lines = block.verbatim.split('\n').map(esc).join('<br>\n');
      body.push(
        `<div style="${P}padding:12px 16px;border-left:3px solid #d0d7de;background-color:#f6f8fa;">${lines}</div>`,
      );
    }
  }
  body.push(
    `<p style="margin:24px 0 16px;">${letter.signature.map(esc).join('<br>\n')}</p>`,
    `<p style="margin:0;font-size:12px;color:#777777;">${esc(letter.automatic)}</p>`,
  );
  return [
    '<!doctype html>',
    `<html lang="${letter.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(letter.title)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background-color:#f4f5f7;">`,
    `<div style="max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;color:#222222;` +
      `font-family:${FONTS[letter.lang]};font-size:15px;line-height:1.6;">`,
    ...body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = escapeHtml;

function plain(parts: Inline[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.strong)).join('');
}

function inline(parts: Inline[]): string {
  return parts.map((part) => (typeof part === 'string' ? esc(part) : `<strong>${esc(part.strong)}</strong>`)).join('');
}

/**
 * Chinese punctuation a line may break after: Chinese has no spaces, and a break inside a word
 * ("目前" as "目" / "前") reads badly, so lines end at a clause instead.
 */
const BREAK_AFTER = new Set(Array.from('，。、；：！？）》」』】〕”'));
/** Closing punctuation never starts a line. */
const NO_BREAK_BEFORE = new Set(Array.from('，。、；：！？）》」』】〕”’…—'));

/**
 * Greedy word wrap at `TEXT_WIDTH` code points: breaks at spaces, and in Chinese after a
 * punctuation mark ending a clause (never inside a word or "2026年12月8日", never before closing
 * punctuation). A piece longer than the width (a link, a long clause) gets a line of its own.
 */
export function wrap(text: string, first = '', rest = first, width = TEXT_WIDTH): string[] {
  /** `space`: a space stood before the piece (it starts a word). */
  const pieces: { text: string; space: boolean }[] = [];
  for (const word of text.split(/ +/).filter(Boolean)) {
    let piece = '';
    let prev = '';
    let space = true;
    for (const ch of word) {
      const breakable = piece !== '' && BREAK_AFTER.has(prev) && !NO_BREAK_BEFORE.has(ch);
      if (breakable) {
        pieces.push({ text: piece, space });
        piece = '';
        space = false;
      }
      piece += ch;
      prev = ch;
    }
    pieces.push({ text: piece, space });
  }
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const size = (s: string) => Array.from(s).length;
  pieces.forEach((piece) => {
    const joined = empty ? line + piece.text : line + (piece.space ? ' ' : '') + piece.text;
    if (empty || size(joined) <= width) line = joined;
    else {
      lines.push(line);
      line = rest + piece.text;
    }
    empty = false;
  });
  lines.push(line);
  return lines;
}
