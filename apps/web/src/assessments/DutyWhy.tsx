import type { AssessmentView, DutyMatchView } from '@rubricon/contracts';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { StrengthTag } from './labels';
import { competencyLabel } from './text';

/** A replacement's matches carry their line's text; an assessment question's take it from the view. */
type Match = DutyMatchView & { text?: string };

const small = { fontSize: 12 } as const;

/**
 * "Why this question": each duty line (numbered as in the coverage matrix) with how the question
 * assesses it, the line's words the question also uses and the competencies they share, so HR can
 * judge a match without reading the question against the posting.
 */
export function DutyWhy({ matches, view, label }: { matches: Match[]; view: AssessmentView; label: string }) {
  const { t } = useTranslation('assessments');
  const [lang] = useLang();
  return (
    <ul aria-label={label} style={{ margin: 0, paddingInlineStart: 20 }}>
      {matches.map((m) => (
        <li key={m.index} data-duty-index={m.index} data-strength={m.strength} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{m.index + 1}.</Typography.Text> {m.text ?? view.duties[m.index]?.text}
          <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
            <StrengthTag strength={m.strength} />
            {m.words.length > 0 && (
              <TagList label={t('why.words')}>
                {m.words.map((w) => (
                  <Tag key={w} role="listitem" bordered={false} style={small}>
                    {w}
                  </Tag>
                ))}
              </TagList>
            )}
            {m.competencies.length > 0 && (
              <TagList label={t('why.competencies')}>
                {m.competencies.map((c) => (
                  <Tag key={c} role="listitem" title={c} style={small}>
                    {competencyLabel(c, view.competencyLabels, lang)}
                  </Tag>
                ))}
              </TagList>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
}

/** A caption and its tags, kept on one line where they fit. */
function TagList({ label, children }: { label: string; children: ReactNode }) {
  const [lang] = useLang();
  return (
    <Flex gap={4} wrap align="center">
      <Typography.Text type="secondary" style={small} aria-hidden>
        {label}
        {lang === 'zh' ? '：' : ':'}
      </Typography.Text>
      <span role="list" aria-label={label} style={{ display: 'inline-flex', flexWrap: 'wrap', rowGap: 4 }}>
        {children}
      </span>
    </Flex>
  );
}
