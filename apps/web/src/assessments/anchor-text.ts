/**
 * A level-3 anchor is a checklist, "At least 3 of these 4: (1) …; (2) …; (3) …; (4) …" or
 * "以下 4 项中至少 3 项：(1)…；(2)…" (question-banks/README.md): read it as its lead and its items, so
 * a rater sees a list to tick off rather than a paragraph. Any other text is returned as is.
 */
export function splitChecklist(text: string): { lead: string; items: string[] } | null {
  const first = text.search(/(?<![A-Za-z])[(（]\s*1\s*[)）]/);
  if (first < 0) return null;
  const items = text
    .slice(first)
    .split(/(?<![A-Za-z])[(（]\s*\d\s*[)）]\s*/)
    .slice(1)
    .map((item) =>
      item
        .trim()
        .replace(/[;；]$/, '')
        .trim(),
    )
    .filter(Boolean);
  if (items.length < 2) return null;
  return { lead: text.slice(0, first).trim(), items };
}
