/**
 * "Contains this text" for LIKE, the same on SQLite and MySQL. The escape character is `!`: SQLite
 * has no default escape (a backslash there is an ordinary character, so `\%` matched nothing) and
 * MySQL reads a backslash inside a string literal itself, so neither default works on both.
 * Use as `qb.andWhere(`p.title ${likeParam('pattern')}`, { pattern: containsPattern(text) })`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => '!' + c)}%`;
}

/** `LIKE :name ESCAPE '!'`, for a parameter holding a containsPattern. */
export function likeParam(name: string): string {
  return `LIKE :${name} ESCAPE '!'`;
}
