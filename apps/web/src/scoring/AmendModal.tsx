import {
  MAX_EVIDENCE_CHARS,
  MIN_REASON_CHARS,
  type CriterionScore,
  type Recommendation,
  type ScoreSheetView,
  type SheetCriterion,
  type SheetQuestion,
} from '@rubricon/contracts';
import { Alert, App, Button, Flex, Input, Modal, Typography, type GetProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { pick } from '../assessments/text';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { reasonOk } from './draft';
import { AmendmentList, AnchorList, LevelScale, RecommendationChoice } from './parts';
import { useAmend } from './queries';

/** What is being amended: one criterion's score, or the overall recommendation. */
export type AmendTarget =
  | { kind: 'score'; question: SheetQuestion; criterion: SheetCriterion; score: CriterionScore | undefined }
  | { kind: 'recommendation'; recommendation: Recommendation | null };

/** Changes one submitted score or the recommendation; a reason is required and the original is kept. */
export function AmendModal({
  view,
  target,
  onClose,
}: {
  view: ScoreSheetView;
  target: AmendTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('scoring');
  const [lang] = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const amend = useAmend(view.subject.kind, view.subject.id);
  const title =
    target?.kind === 'score'
      ? t('sheet.amendScore', { name: pick(target.criterion.name, lang) })
      : t('sheet.amendRecommendation');

  return (
    <Modal open={target !== null} title={title} onCancel={onClose} destroyOnHidden width={720} footer={null}>
      {target && (
        <AmendForm
          key={target.kind === 'score' ? `${target.question.questionId}/${target.criterion.id}` : 'recommendation'}
          target={target}
          pending={amend.isPending}
          error={amend.error}
          onCancel={onClose}
          onSubmit={(body) =>
            amend.mutate(body, {
              onSuccess: () => {
                onClose();
                amend.reset();
                void message.success(t('sheet.amended'));
              },
            })
          }
          errorText={errorText}
        />
      )}
    </Modal>
  );
}

function AmendForm({
  target,
  pending,
  error,
  onCancel,
  onSubmit,
  errorText,
}: {
  target: AmendTarget;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (body: Parameters<ReturnType<typeof useAmend>['mutate']>[0]) => void;
  errorText: (error: unknown) => string;
}) {
  const { t } = useTranslation('scoring');
  const { t: common } = useTranslation();
  const initialLevel =
    target.kind === 'score'
      ? target.score
        ? target.score.level
        : (target.criterion.autoLevel ?? undefined)
      : undefined;
  const [level, setLevel] = useState<number | null | undefined>(initialLevel);
  const initialEvidence = target.kind === 'score' ? (target.score?.evidence ?? '') : '';
  const [evidence, setEvidence] = useState(initialEvidence);
  const [recommendation, setRecommendation] = useState<Recommendation | null>(
    target.kind === 'recommendation' ? target.recommendation : null,
  );
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  // An amendment changes something: the same level and note again would only add noise to the history.
  const changed =
    target.kind === 'score'
      ? level !== initialLevel || evidence !== initialEvidence
      : recommendation !== target.recommendation;
  const reasonShort = tried && !reasonOk(reason);
  const ok = reasonOk(reason) && changed && (target.kind === 'recommendation' || level !== undefined);

  const submit = () => {
    setTried(true);
    if (!ok) return;
    if (target.kind === 'score')
      onSubmit({
        reason: reason.trim(),
        score: {
          questionId: target.question.questionId,
          criterionId: target.criterion.id,
          level: level ?? null,
          evidence,
        },
      });
    else onSubmit({ reason: reason.trim(), recommendation });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Flex vertical gap={12}>
        {target.kind === 'score' ? (
          <>
            <div>
              <Typography.Text strong id="amend-level-label" style={{ display: 'block', marginBottom: 4 }}>
                {t('sheet.levelColumn')}
              </Typography.Text>
              <LevelScale labelledBy="amend-level-label" value={level} onChange={setLevel} />
            </div>
            <AnchorList criterion={target.criterion} level={level} />
            <NoteField
              id="amend-evidence"
              label={t('sheet.evidence')}
              value={evidence}
              autoSize={{ minRows: 2, maxRows: 8 }}
              onChange={(e) => setEvidence(e.target.value)}
            />
            <AmendmentList amendments={target.score?.amendments ?? []} />
          </>
        ) : (
          <div>
            <Typography.Text strong id="amend-recommendation-label" style={{ display: 'block', marginBottom: 4 }}>
              {t('sheet.recommendation')}
            </Typography.Text>
            <RecommendationChoice
              labelledBy="amend-recommendation-label"
              value={recommendation}
              onChange={setRecommendation}
            />
          </div>
        )}
        <NoteField
          id="amend-reason"
          label={t('sheet.amendReason')}
          value={reason}
          status={reasonShort ? 'error' : undefined}
          autoSize={{ minRows: 2, maxRows: 6 }}
          aria-describedby="amend-reason-hint"
          onChange={(e) => setReason(e.target.value)}
        >
          <Typography.Text id="amend-reason-hint" type={reasonShort ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {t('sheet.amendReasonHint', { min: MIN_REASON_CHARS })}
          </Typography.Text>
        </NoteField>
        {tried && !changed && (
          <Typography.Text type="danger" role="alert">
            {t('sheet.amendNothing')}
          </Typography.Text>
        )}
        {error !== null && error !== undefined && (
          <Alert type="error" role="alert" showIcon title={errorText(error)} data-testid="amend-error" />
        )}
        <Flex justify="end" gap={8}>
          <Button onClick={onCancel}>{common('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={pending}>
            {t('sheet.amend')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

/** A labelled note of at most MAX_EVIDENCE_CHARS; `children` (a hint) follows the field. */
function NoteField({
  id,
  label,
  children,
  ...field
}: { id: string; label: string; children?: ReactNode } & GetProps<typeof Input.TextArea>) {
  return (
    <div>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <Input.TextArea id={id} maxLength={MAX_EVIDENCE_CHARS} {...field} />
      {children}
    </div>
  );
}
