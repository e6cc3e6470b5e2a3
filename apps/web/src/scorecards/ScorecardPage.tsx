import { ArrowLeftOutlined, MessageOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api';
import { useTranslation } from '../i18n/staff';
import { PageError, PageLoading } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { DownloadButton } from './labels';
import { explanationPath, rankingPath } from './paths';
import { postingPath, useScorecard } from './queries';
import { Scorecard } from './Scorecard';
import './scorecards.css';

/** One candidate's scorecard for HR, with Print, Export CSV and the candidate-facing explanation. */
export function ScorecardPage() {
  const { postingId, candidateId } = useParams() as { postingId: string; candidateId: string };
  const { t } = useTranslation('scorecards');
  const navigate = useNavigate();
  const card = useScorecard(postingId, candidateId);
  usePageTitle(card.data ? t('scorecard.title', { name: card.data.candidate.name }) : t('title'));

  const back = (
    <Link to={rankingPath(postingId)} className="no-print">
      <ArrowLeftOutlined /> {t('backToRanking')}
    </Link>
  );
  if (card.isPending) return <PageLoading />;
  if (card.error instanceof ApiError && card.error.code === 'scores-withheld')
    return (
      <>
        {back}
        <Alert style={{ marginTop: 12 }} type="info" showIcon role="status" title={t('scorecard.withheld')} />
      </>
    );
  if (!card.data)
    return (
      <>
        {back}
        <PageError error={card.error} onRetry={() => void card.refetch()} />
      </>
    );
  return (
    <div className="sc-print-root">
      <Flex gap={8} wrap align="center" className="no-print" style={{ marginBottom: 12 }}>
        {back}
        <span style={{ flex: 1 }} />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('scorecard.print')}
        </Button>
        <DownloadButton
          path={`${postingPath(postingId)}/candidates/${encodeURIComponent(candidateId)}/csv`}
          fileName={`scorecard-${candidateId}.csv`}
          label={t('scorecard.exportCsv')}
        />
        <Button icon={<MessageOutlined />} onClick={() => void navigate(explanationPath(postingId, candidateId))}>
          {t('scorecard.explanation')}
        </Button>
      </Flex>
      <Scorecard card={card.data} />
    </div>
  );
}
