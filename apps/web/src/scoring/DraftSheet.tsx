import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import {
  MAX_EVIDENCE_CHARS,
  MIN_REASON_CHARS,
  type ScoreSheetView,
  type SheetCriterion,
  type SheetQuestion,
} from '@rubricon/contracts';
import { Alert, App, Button, Col, Flex, Input, Modal, Row, Tag, theme, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { pick } from '../assessments/text';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import {
  entryKey,
  initialDraft,
  isOverride,
  needsReason,
  toSaveRequest,
  unscored,
  type Draft,
  type DraftEntry,
} from './draft';
import { AnchorList, CriterionGroup, CriterionHeading, LevelScale, RecommendationChoice, SheetSection } from './parts';
import { useSaveSheet, useSubmitSheet } from './queries';
import { QuestionCard } from './QuestionView';

/** How long after the last change a draft is saved. */
const AUTOSAVE_MS = 800;

/**
 * The sheet while the rater scores: every change is saved as a draft shortly after it is made
 * (no Save button to forget); Submit saves what is left, then submits, after a confirmation.
 */
export function DraftSheet({ view }: { view: ScoreSheetView }) {
  const { t } = useTranslation('scoring');
  const { t: common } = useTranslation();
  const [lang] = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const { kind, id } = view.subject;
  const save = useSaveSheet(kind, id);
  const submit = useSubmitSheet(kind, id);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(view));
  // Changes made, and the change the server has last saved; a save in flight while more changes come is followed by another.
  const [changes, setChanges] = useState(0);
  const [savedUpTo, setSavedUpTo] = useState(0);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [showMissing, setShowMissing] = useState(false);
  const latest = useRef({ draft, changes });
  latest.current = { draft, changes };
  const submitted = useRef(false);
  const viewRef = useRef(view);
  viewRef.current = view;

  const change = (updater: (draft: Draft) => Draft) => {
    setDraft(updater);
    setChanges((n) => n + 1);
    setSaveError(null);
  };
  const setEntry = (key: string, patch: Partial<DraftEntry>) =>
    change((d) => ({ ...d, entries: { ...d.entries, [key]: { ...d.entries[key], ...patch } } }));

  const mutateSave = save.mutateAsync;
  const saveNow = useCallback(async () => {
    const { draft: current, changes: upTo } = latest.current;
    try {
      await mutateSave(toSaveRequest(viewRef.current, current));
      setSavedUpTo((n) => Math.max(n, upTo));
      setSavedAt(new Date());
    } catch (error) {
      setSaveError(error);
      throw error;
    }
  }, [mutateSave]);

  const dirty = changes > savedUpTo;
  useEffect(() => {
    if (!dirty || save.isPending || saveError) return;
    const timer = setTimeout(() => void saveNow().catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, changes, save.isPending, saveError, saveNow]);

  // Leaving the page before the timer fires still saves the last change.
  const flushOnLeave = useRef<() => void>(() => undefined);
  flushOnLeave.current = () => {
    if (!submitted.current && latest.current.changes > savedUpTo && !save.isPending)
      void save.mutateAsync(toSaveRequest(viewRef.current, latest.current.draft)).catch(() => undefined);
  };
  useEffect(() => () => flushOnLeave.current(), []);

  // Closing the tab with a change not yet saved asks first (the browser words it).
  useEffect(() => {
    if (!dirty && !saveError) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, saveError]);

  const missing = unscored(view, draft);
  const missingKeys = new Set(missing.map((m) => entryKey(m.questionId, m.criterionId)));

  const doSubmit = async () => {
    setSubmitError(null);
    try {
      if (latest.current.changes > savedUpTo || saveError) await saveNow();
      submitted.current = true;
      await submit.mutateAsync(undefined).catch((error: unknown) => {
        submitted.current = false;
        throw error;
      });
      setConfirming(false);
      void message.success(t('sheet.submittedToast'));
    } catch (error) {
      setConfirming(false);
      setSubmitError(error);
      setShowMissing(true);
    }
  };

  return (
    <Flex vertical gap={16}>
      {view.questions.map((q, index) => (
        <QuestionCard key={q.questionId} view={view} index={index}>
          <Flex vertical gap={12}>
            {q.rubric.map((c) => {
              const key = entryKey(q.questionId, c.id);
              return (
                <CriterionEditor
                  key={c.id}
                  question={q}
                  criterion={c}
                  entry={draft.entries[key]}
                  missing={showMissing && missingKeys.has(key)}
                  onChange={(patch) => setEntry(key, patch)}
                />
              );
            })}
          </Flex>
        </QuestionCard>
      ))}

      <SheetSection id="recommendation-title" title={t('sheet.recommendation')}>
        <Typography.Paragraph type="secondary">{t('sheet.recommendationHint')}</Typography.Paragraph>
        <RecommendationChoice
          labelledBy="recommendation-title"
          value={draft.recommendation}
          onChange={(recommendation) => change((d) => ({ ...d, recommendation }))}
        />
      </SheetSection>

      <div style={{ position: 'sticky', bottom: 0, zIndex: 2, paddingBlock: 8, background: token.colorBgLayout }}>
        {submitError !== null && (
          <Alert
            type="error"
            role="alert"
            showIcon
            data-testid="submit-error"
            title={t('sheet.refused')}
            description={errorText(submitError)}
            closable={{ onClose: () => setSubmitError(null) }}
            style={{ marginBottom: 8 }}
          />
        )}
        <Flex align="center" gap={12} wrap>
          <Button type="primary" onClick={() => setConfirming(true)}>
            {t('sheet.submit')}
          </Button>
          {/* Body-coloured text with a coloured icon: antd's warning text is under 4.5:1. */}
          <Typography.Text data-testid="remaining">
            {missing.length > 0 ? (
              <ExclamationCircleOutlined style={{ color: token.colorWarning }} />
            ) : (
              <CheckCircleFilled style={{ color: token.colorSuccess }} />
            )}{' '}
            {missing.length > 0 ? t('sheet.remaining', { count: missing.length }) : t('sheet.allScored')}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          <span role="status" aria-live="polite" data-testid="save-state">
            {saveError ? (
              <Typography.Text type="danger">{t('sheet.saveFailed', { reason: errorText(saveError) })}</Typography.Text>
            ) : save.isPending ? (
              <Typography.Text type="secondary">{t('sheet.saving')}</Typography.Text>
            ) : dirty ? (
              <Typography.Text type="secondary">{t('sheet.unsaved')}</Typography.Text>
            ) : savedAt ? (
              <Typography.Text type="secondary">
                {t('sheet.savedTime', { time: formatDateTime(lang, savedAt, { seconds: true }) })}
              </Typography.Text>
            ) : null}
          </span>
          <Button
            onClick={() => void saveNow().catch(() => undefined)}
            disabled={save.isPending || (!dirty && !saveError)}
          >
            {t('sheet.saveNow')}
          </Button>
        </Flex>
      </div>

      <Modal
        open={confirming}
        title={t('sheet.submitTitle')}
        okText={t('sheet.submit')}
        cancelText={common('cancel')}
        okButtonProps={{ loading: submit.isPending || save.isPending }}
        onOk={() => void doSubmit()}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('sheet.submitBody')}</Typography.Paragraph>
        {missing.length > 0 && (
          <Alert type="warning" showIcon title={t('sheet.submitMissing', { count: missing.length })} />
        )}
      </Modal>
    </Flex>
  );
}

/** One criterion: the scale with its anchors beside it, the automatic level and its override, the evidence note. */
function CriterionEditor({
  question,
  criterion: c,
  entry,
  missing,
  onChange,
}: {
  question: SheetQuestion;
  criterion: SheetCriterion;
  entry: DraftEntry;
  missing: boolean;
  onChange: (patch: Partial<DraftEntry>) => void;
}) {
  const { t } = useTranslation('scoring');
  const [lang] = useLang();
  const name = pick(c.name, lang);
  const base = `crit-${question.questionId}-${c.id}`.replace(/[^\w-]/g, '_');
  const override = isOverride(c, entry);
  const reasonMissing = needsReason(c, entry);

  return (
    <CriterionGroup question={question} criterion={c}>
      <Row gutter={[24, 8]}>
        <Col xs={24} lg={13}>
          <CriterionHeading question={question} criterion={c} overridden={override}>
            {missing && entry.level === undefined && (
              <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid="not-scored">
                {t('sheet.notScored')}
              </Tag>
            )}
          </CriterionHeading>
          {c.autoLevel !== null && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="auto-level">
              {t('sheet.auto', { level: c.autoLevel })}
            </Typography.Paragraph>
          )}
          <LevelScale
            label={t('sheet.scale', { name })}
            value={entry.level}
            onChange={(level) =>
              onChange({ level, ...(c.autoLevel !== null && level !== c.autoLevel ? { overridden: true } : {}) })
            }
          />
          {override && (
            <div style={{ marginTop: 8 }}>
              <label htmlFor={`${base}-reason`} style={{ display: 'block', marginBottom: 4 }}>
                {t('sheet.overrideReason')}
              </label>
              <Input.TextArea
                id={`${base}-reason`}
                aria-label={t('sheet.overrideReasonFor', { name })}
                value={entry.overrideReason}
                status={reasonMissing ? 'error' : undefined}
                maxLength={MAX_EVIDENCE_CHARS}
                autoSize={{ minRows: 2, maxRows: 6 }}
                onChange={(e) => onChange({ overrideReason: e.target.value })}
                aria-describedby={reasonMissing ? `${base}-reason-help` : undefined}
              />
              {reasonMissing && (
                <Typography.Text type="danger" id={`${base}-reason-help`} style={{ fontSize: 12 }}>
                  {t('sheet.reasonTooShort', { min: MIN_REASON_CHARS })}
                </Typography.Text>
              )}
            </div>
          )}
          {c.autoLevel !== null && !override ? (
            // The server keeps an automatic level as it is: a note goes with an override only.
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('sheet.autoEvidence')}
            </Typography.Paragraph>
          ) : (
            <>
              <label htmlFor={`${base}-evidence`} style={{ display: 'block', margin: '8px 0 4px' }}>
                {t('sheet.evidence')}
              </label>
              <Input.TextArea
                id={`${base}-evidence`}
                aria-label={t('sheet.evidenceFor', { name })}
                placeholder={t('sheet.evidencePlaceholder')}
                value={entry.evidence}
                maxLength={MAX_EVIDENCE_CHARS}
                autoSize={{ minRows: 2, maxRows: 8 }}
                onChange={(e) => onChange({ evidence: e.target.value })}
              />
            </>
          )}
        </Col>
        <Col xs={24} lg={11}>
          <AnchorList criterion={c} level={entry.level} />
        </Col>
      </Row>
    </CriterionGroup>
  );
}
