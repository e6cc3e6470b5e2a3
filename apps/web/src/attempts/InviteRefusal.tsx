import type { SkippedCsvLine } from '@rubricon/contracts';
import { Alert } from 'antd';
import { ApiError } from '../api';
import { useErrorText, useTranslation } from '../i18n/staff';

/** The row a refusal is about: `candidate-already-invited` names the email it found invited already. */
export function refusedRow(error: unknown, rows: { email?: string }[]): number {
  if (!(error instanceof ApiError) || error.code !== 'candidate-already-invited') return -1;
  const email = String(error.params.email ?? '').toLowerCase();
  return rows.findIndex((r) => (r.email ?? '').trim().toLowerCase() === email);
}

/** Why an invitation or a CSV upload was refused as a whole. */
export function InviteRefusal({ error }: { error: unknown }) {
  const errorText = useErrorText();
  return <Alert type="error" role="alert" showIcon title={errorText(error)} style={{ marginTop: 12 }} />;
}

/** The CSV lines left out (people already invited), each with its reason. */
export function SkippedLines({ skipped }: { skipped: SkippedCsvLine[] }) {
  const { t } = useTranslation('attempts');
  const errorText = useErrorText();
  if (!skipped.length) return null;
  return (
    <Alert
      type="warning"
      role="status"
      showIcon
      style={{ marginTop: 12 }}
      title={t('invite.skippedTitle', { count: skipped.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="skipped-lines">
          {skipped.map((s) => (
            <li key={s.line}>
              {t('invite.skippedLine', {
                line: s.line,
                reason: errorText({ message: s.code, code: s.code, params: { email: s.email } }),
              })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
