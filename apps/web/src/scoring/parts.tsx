import { CheckCircleFilled, ClockCircleOutlined, RobotOutlined } from '@ant-design/icons';
import {
  MAX_LEVEL,
  MIN_LEVEL,
  RECOMMENDATIONS,
  type AmendmentView,
  type Recommendation,
  type RubricCriterionView,
  type SheetCriterion,
  type SheetQuestion,
  type SheetStatus,
  type SubjectKind,
} from '@rubricon/contracts';
import { Card, Flex, Radio, Tag, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AnchorText } from '../assessments/AnchorText';
import { pick } from '../assessments/text';
import { formatDateTime, formatPercent } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { choiceToLevel, levelToChoice } from './draft';

const ANCHOR_LEVELS = ['1', '3', '5', 'noEvidence'] as const;
const LEVELS = Array.from({ length: MAX_LEVEL - MIN_LEVEL + 1 }, (_, i) => MIN_LEVEL + i);

/**
 * What levels 1, 3 and 5 (and "no evidence") look like, beside the scale, as the assessment's
 * rubric table words them; the anchor of the chosen level is marked.
 */
export function AnchorList({
  criterion,
  level,
  id,
}: {
  criterion: RubricCriterionView;
  level?: number | null;
  id?: string;
}) {
  const { t } = useTranslation('assessments');
  const { t: s } = useTranslation('scoring');
  const [lang] = useLang();
  const { token } = theme.useToken();
  const chosen = level === undefined ? undefined : level === null ? 'noEvidence' : String(level);
  return (
    <dl
      id={id}
      aria-label={s('sheet.anchors', { name: pick(criterion.name, lang) })}
      data-testid="anchors"
      style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' }}
    >
      {ANCHOR_LEVELS.map((anchor) => {
        const active = anchor === chosen;
        const style = {
          margin: 0,
          padding: '2px 6px',
          borderRadius: token.borderRadiusSM,
          background: active ? token.colorPrimaryBg : undefined,
        };
        return (
          <div key={anchor} style={{ display: 'contents' }}>
            <dt style={{ ...style, fontWeight: 600, whiteSpace: 'nowrap' }}>
              {anchor === 'noEvidence' ? t('question.noEvidence') : t('question.score', { n: Number(anchor) })}
            </dt>
            <dd style={style}>
              <AnchorText text={pick(criterion.anchors[anchor], lang)} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A time in the interface language, or a dash when there is none (not yet assigned, submitted…). */
export function useWhenText(): (iso: string | null) => string {
  const [lang] = useLang();
  return (iso) => (iso ? formatDateTime(lang, iso) : '—');
}

/** A titled card of the sheet below the questions (other raters, the recommendation), named by its heading. */
export function SheetSection({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card size="small">
      <section aria-labelledby={id} data-testid={testId}>
        <Typography.Title id={id} level={2} style={{ fontSize: 16, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </section>
    </Card>
  );
}

/** The id of a criterion's heading, unique on the sheet and safe in the DOM. */
function criterionNameId(question: SheetQuestion, criterion: SheetCriterion): string {
  return `crit-${question.questionId}-${criterion.id}-name`.replace(/[^\w-]/g, '_');
}

/**
 * One criterion of a question, while scoring and once submitted: a group named by its heading
 * (`CriterionHeading`), carrying the hooks the browser tests find it by.
 */
export function CriterionGroup({
  question,
  criterion,
  children,
}: {
  question: SheetQuestion;
  criterion: SheetCriterion;
  children: ReactNode;
}) {
  return (
    <div
      role="group"
      aria-labelledby={criterionNameId(question, criterion)}
      data-testid="criterion"
      data-criterion-id={criterion.id}
      data-key={`${question.questionId}/${criterion.id}`}
      style={{ borderTop: '1px solid rgba(5, 5, 5, 0.06)', paddingTop: 12 }}
    >
      {children}
    </div>
  );
}

/**
 * A criterion's name, its weight and, when it has an automatic level, whether the rater kept or
 * overrode it; `children` adds tags after these.
 */
export function CriterionHeading({
  question,
  criterion,
  overridden,
  children,
}: {
  question: SheetQuestion;
  criterion: SheetCriterion;
  overridden: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('scoring');
  const [lang] = useLang();
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
      <Typography.Text strong id={criterionNameId(question, criterion)}>
        {pick(criterion.name, lang)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('sheet.weight', { weight: formatPercent(lang, criterion.weight) })}
      </Typography.Text>
      {criterion.autoLevel !== null && (
        <Tag icon={<RobotOutlined />} data-testid="auto-tag">
          {overridden ? t('sheet.overrideTag') : t('sheet.autoTag')}
        </Tag>
      )}
      {children}
    </Flex>
  );
}

/** The 1-5 scale and "no evidence" as one radio group; `undefined` while nothing is chosen. */
export function LevelScale({
  value,
  onChange,
  labelledBy,
  label,
  disabled,
}: {
  value: number | null | undefined;
  onChange: (level: number | null) => void;
  labelledBy?: string;
  label?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('scoring');
  return (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      aria-labelledby={labelledBy}
      aria-label={label}
      disabled={disabled}
      value={levelToChoice(value) ?? null}
      onChange={(e) => onChange(choiceToLevel(String(e.target.value)))}
      options={[
        ...LEVELS.map((n) => ({ value: String(n), label: String(n), title: t('sheet.level', { n }) })),
        { value: 'none', label: t('sheet.noEvidence') },
      ]}
    />
  );
}

/** A level as text: "4", "No evidence", or a dash when there is none. */
export function useLevelText(): (level: number | null | undefined) => string {
  const { t } = useTranslation('scoring');
  return (level) => (level === undefined ? '—' : level === null ? t('sheet.noEvidence') : String(level));
}

export function LevelTag({ level }: { level: number | null | undefined }) {
  const text = useLevelText()(level);
  return (
    <Tag data-testid="level" color={level === undefined ? undefined : 'blue'} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}

export function RecommendationChoice({
  value,
  onChange,
  labelledBy,
}: {
  value: Recommendation | null;
  onChange: (value: Recommendation | null) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation('scoring');
  return (
    <Radio.Group
      optionType="button"
      buttonStyle="solid"
      aria-labelledby={labelledBy}
      value={value ?? 'none'}
      onChange={(e) => {
        const next = String(e.target.value);
        onChange(next === 'none' ? null : (next as Recommendation));
      }}
      options={[...RECOMMENDATIONS, 'none' as const].map((r) => ({
        value: r,
        label: t(`sheet.recommendations.${r}`),
      }))}
    />
  );
}

export function useRecommendationText(): (value: Recommendation | null | undefined) => string {
  const { t } = useTranslation('scoring');
  return (value) => t(`sheet.recommendations.${value ?? 'none'}`);
}

/** Each amendment: who, when, before → after, and why; the first one's "before" is the original. */
export function AmendmentList({ amendments }: { amendments: AmendmentView[] }) {
  const { t } = useTranslation('scoring');
  const [lang] = useLang();
  const levelText = useLevelText();
  const recommendationText = useRecommendationText();
  if (amendments.length === 0) return null;
  const describe = (side: AmendmentView['before']) =>
    'recommendation' in side ? recommendationText(side.recommendation) : levelText(side.level);
  return (
    <div data-testid="amendments" style={{ marginTop: 8 }}>
      <Typography.Text strong style={{ fontSize: 13 }}>
        {t('sheet.amendments')}
      </Typography.Text>
      <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {amendments.map((a) => (
          <li key={a.id} data-testid="amendment">
            <Typography.Text>
              {t('sheet.amendmentLine', {
                who: a.by.name,
                date: formatDateTime(lang, a.at),
                before: describe(a.before),
                after: describe(a.after),
              })}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('sheet.reasonLine', { reason: a.reason })}</Typography.Text>
            {a.before.evidence !== undefined && a.before.evidence !== a.after.evidence && a.before.evidence && (
              <>
                <br />
                <Typography.Text type="secondary" delete>
                  {a.before.evidence}
                </Typography.Text>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Body-coloured text with a coloured icon, as the assessments' status: antd's green tag text is under 4.5:1. */
export function SheetStatusTag({ status }: { status: SheetStatus }) {
  const { t } = useTranslation('scoring');
  const { token } = theme.useToken();
  return (
    <Tag data-testid="sheet-status">
      {status === 'submitted' ? <CheckCircleFilled style={{ color: token.colorSuccess }} /> : <ClockCircleOutlined />}{' '}
      {t(`status.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: SubjectKind }) {
  const { t } = useTranslation('scoring');
  return <Tag>{t(`kinds.${kind}`)}</Tag>;
}

export function BlindTag() {
  const { t } = useTranslation('scoring');
  return (
    <Tag color="purple" title={t('blindHint')} data-testid="blind-tag">
      {t('blind')}
    </Tag>
  );
}

export const sheetPath = (kind: SubjectKind, id: string) => `/reviews/${kind}/${id}`;
