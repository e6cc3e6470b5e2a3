/** NFKC (full-width -> half-width, compatibility forms), lower-case, single spaces. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

export function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}
