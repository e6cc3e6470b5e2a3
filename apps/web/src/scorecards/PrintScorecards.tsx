import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from '../i18n/staff';
import { QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { rankingPath } from './paths';
import { useCandidatesCards } from './compared';
import { Scorecard } from './Scorecard';
import './scorecards.css';

/** Several scorecards for printing, one candidate per A4 page; the staff frame and buttons stay off paper. */
export function PrintScorecards() {
  const postingId = useParams().postingId!;
  const { t } = useTranslation('scorecards');
  const { ids, cards } = useCandidatesCards(postingId);
  usePageTitle(t('print.title'));
  return (
    <div className="sc-print-root">
      <div className="no-print">
        <Link to={rankingPath(postingId)}>
          <ArrowLeftOutlined /> {t('backToRanking')}
        </Link>
        <Flex align="center" gap={12} wrap style={{ margin: '12px 0' }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('print.title')}
          </Typography.Title>
          <span style={{ flex: 1 }} />
          <Button type="primary" icon={<PrinterOutlined />} disabled={!cards.data} onClick={() => window.print()}>
            {t('print.print')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary">{t('print.hint')}</Typography.Paragraph>
      </div>
      {ids.length === 0 ? (
        <Alert type="info" showIcon title={t('print.none')} />
      ) : (
        <QueryView query={cards}>
          {(list) => list.map((card) => <Scorecard key={card.candidate.id} card={card} level={2} />)}
        </QueryView>
      )}
    </div>
  );
}
