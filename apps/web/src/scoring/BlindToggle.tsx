import type { AssessmentView } from '@rubricon/contracts';
import { Alert, Flex, Switch, Typography } from 'antd';
import { useState } from 'react';
import { CAN, useCan } from '../auth/session';
import { useErrorText, useTranslation } from '../i18n/staff';
import { useSetBlindScoring } from './queries';

/**
 * HR's switch for blind scoring of one assessment: raters of its attempts then see a pseudonym
 * instead of the candidate's name and email.
 */
export function BlindToggle({ view }: { view: AssessmentView }) {
  const { t } = useTranslation('scoring');
  const errorText = useErrorText();
  const canChange = useCan(...CAN.assignRaters);
  const setBlind = useSetBlindScoring(view.id);
  // The server's answer shows at once; the assessment's views refetch behind it.
  const [shown, setShown] = useState<boolean | null>(null);
  const blind = shown ?? view.blindScoring;
  if (!canChange) return null;

  return (
    <div data-testid="blind-toggle" style={{ marginTop: 12 }}>
      <Flex align="center" gap={8} wrap>
        <Switch
          id="blind-scoring"
          checked={blind}
          loading={setBlind.isPending}
          aria-describedby="blind-scoring-state"
          onChange={(checked) =>
            setBlind.mutate(checked, {
              onSuccess: (answer) => setShown(answer.blind),
            })
          }
        />
        <label htmlFor="blind-scoring">{t('blindToggle.label')}</label>
      </Flex>
      <Typography.Text type="secondary" id="blind-scoring-state" style={{ fontSize: 12 }} role="status">
        {blind ? t('blindToggle.on') : t('blindToggle.off')}
      </Typography.Text>
      {setBlind.error && (
        <Alert type="error" role="alert" showIcon title={errorText(setBlind.error)} style={{ marginTop: 4 }} />
      )}
    </div>
  );
}
