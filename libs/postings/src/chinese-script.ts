import * as OpenCC from 'opencc-js';

/**
 * Traditional Chinese (Hong Kong and Taiwan forms) to simplified, with OpenCC's dictionaries:
 * `崗位職責` → `岗位职责`. Used only to recognise headings and column names; the text a posting
 * keeps is always what its author wrote.
 */
const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });
const convertTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** A quick test before converting: most lines are ASCII or already simplified. */
const NON_ASCII = /[^\u0020-\u007e\s]/;

export function toSimplified(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return convertTaiwan(convert(text));
}
