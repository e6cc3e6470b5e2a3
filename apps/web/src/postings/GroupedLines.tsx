import type { PostingLineGroup } from '@rubricon/contracts';
import { Typography } from 'antd';

interface Run {
  label?: string;
  start: number;
  lines: string[];
}

/** The lines split into runs: each group under its label, the lines between groups without one. */
function runs(lines: string[], groups: PostingLineGroup[]): Run[] {
  const result: Run[] = [];
  let next = 0;
  for (const group of [...groups].sort((a, b) => a.start - b.start)) {
    if (group.start > next) result.push({ start: next, lines: lines.slice(next, group.start) });
    result.push({ label: group.label, start: group.start, lines: lines.slice(group.start, group.start + group.count) });
    next = group.start + group.count;
  }
  if (next < lines.length) result.push({ start: next, lines: lines.slice(next) });
  return result;
}

/**
 * One duty or requirement list, numbered straight through, its sub-headings shown above the lines
 * they head (a sub-heading is a label, never a numbered line). `groups` are those of this list.
 */
export function GroupedLines({ lines, groups, label }: { lines: string[]; groups: PostingLineGroup[]; label: string }) {
  if (groups.length === 0)
    return (
      <ol aria-label={label} style={{ margin: 0, paddingInlineStart: 24 }}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    );
  return (
    <div aria-label={label} role="group">
      {runs(lines, groups).map((run) => (
        <section key={run.start} aria-label={run.label}>
          {run.label && (
            <Typography.Text strong style={{ display: 'block', marginTop: run.start > 0 ? 8 : 0 }}>
              {run.label}
            </Typography.Text>
          )}
          <ol start={run.start + 1} style={{ margin: 0, paddingInlineStart: 24 }}>
            {run.lines.map((line, i) => (
              <li key={run.start + i}>{line}</li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
