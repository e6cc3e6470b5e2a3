import { ArrowLeftOutlined } from '@ant-design/icons';
import { SUBJECT_KINDS, type ScoreSheetView, type SubjectKind } from '@rubricon/contracts';
import { Alert, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useTranslation } from '../i18n/staff';
import { NotFoundPage, QueryView } from '../shell/PageState';
import { usePageTitle } from '../shell/page-title';
import { DraftSheet } from './DraftSheet';
import { BlindTag, KindTag, SheetStatusTag } from './parts';
import { useSheet } from './queries';
import { SubmittedSheet } from './SubmittedSheet';

/** /reviews/:kind/:id: the caller's score sheet for one attempt or interview they are assigned to. */
export function ScoreSheetPage() {
  const { kind, id } = useParams();
  if (!SUBJECT_KINDS.includes(kind as SubjectKind) || !id) return <NotFoundPage />;
  return <SheetLoader kind={kind as SubjectKind} id={id} />;
}

function SheetLoader({ kind, id }: { kind: SubjectKind; id: string }) {
  const { t } = useTranslation('scoring');
  const sheet = useSheet(kind, id);
  usePageTitle(sheet.data && t('sheet.title', { candidate: sheet.data.candidateLabel }));
  return (
    <article aria-labelledby="sheet-title">
      <Link to="/reviews">
        <ArrowLeftOutlined /> {t('sheet.back')}
      </Link>
      <QueryView query={sheet}>{(view) => <Sheet view={view} />}</QueryView>
    </article>
  );
}

function Sheet({ view }: { view: ScoreSheetView }) {
  const { t } = useTranslation('scoring');
  const [lang] = useLang();
  return (
    <>
      <Flex align="center" gap={12} wrap style={{ margin: '12px 0 4px' }}>
        <Typography.Title id="sheet-title" level={1} style={{ margin: 0, fontSize: 24 }}>
          <span data-testid="candidate-label">{view.candidateLabel}</span>
        </Typography.Title>
        <KindTag kind={view.subject.kind} />
        <SheetStatusTag status={view.status} />
        {view.blind && <BlindTag />}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        <Link to={`/postings/${view.posting.id}`}>{view.posting.title}</Link>
      </Typography.Paragraph>
      {view.status === 'submitted' ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('sheet.submitted', { date: formatDateTime(lang, view.submittedAt) })}
            style={{ marginBottom: 16 }}
          />
          <SubmittedSheet view={view} />
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('sheet.intro')}</Typography.Paragraph>
          <DraftSheet key={`${view.subject.kind}:${view.subject.id}`} view={view} />
        </>
      )}
    </>
  );
}
