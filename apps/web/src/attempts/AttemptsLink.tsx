import { ArrowRightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from '../i18n/staff';

/** The way from an assessment to its candidates; placed on the assessment page. */
export function AttemptsLink({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation('attempts');
  return (
    <Link to={`/assessments/${assessmentId}/attempts`}>
      {t('candidatesAndAttempts')} <ArrowRightOutlined />
    </Link>
  );
}
