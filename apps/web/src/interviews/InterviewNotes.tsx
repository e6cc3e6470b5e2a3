import type { InterviewDetail } from '@rubricon/contracts';
import { App, Card, Flex, Switch, Typography } from 'antd';
import { useMe } from '../auth/session';
import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import { useErrorText, useTranslation } from '../i18n/staff';
import { Markdown } from '../markdown/Markdown';
import { useShareNotes } from './queries';

/**
 * The caller's own note and the notes others on the panel shared. Notes are written in the room;
 * here one only reads them and, once the interview has ended, shares one's own with the panel.
 */
export function InterviewNotes({ detail }: { detail: InterviewDetail }) {
  const { t } = useTranslation('interviews');
  const [lang] = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useMe().data;
  const share = useShareNotes(detail.id);
  const mine = detail.notes.find((n) => n.authorId === me?.id);
  const others = detail.notes.filter((n) => n.authorId !== me?.id && n.shared);
  const ended = detail.status === 'ended';
  const updated = (iso: string) => t('detail.updated', { time: formatDateTime(lang, iso) });

  return (
    <section aria-labelledby="notes-title" style={{ marginTop: 24 }}>
      <Typography.Title id="notes-title" level={2} style={{ fontSize: 18 }}>
        {t('detail.notes')}
      </Typography.Title>
      {detail.onPanel && (
        <Card
          size="small"
          title={
            <h3 style={{ margin: 0, fontSize: 15 }} id="my-note-title">
              {t('detail.myNote')}
            </h3>
          }
          extra={mine && <Typography.Text type="secondary">{updated(mine.updatedAt)}</Typography.Text>}
          style={{ marginBottom: 12 }}
        >
          {mine?.body.trim() ? (
            <Typography data-testid="my-note">
              <Markdown source={mine.body} headingOffset={3} />
            </Typography>
          ) : (
            <Typography.Text type="secondary">{t('detail.noNote')}</Typography.Text>
          )}
          <Flex align="center" gap={8} style={{ marginTop: 12 }}>
            <Switch
              id="share-notes"
              checked={mine?.shared ?? false}
              disabled={!ended}
              loading={share.isPending}
              onChange={(shared) =>
                share.mutate(shared, {
                  onSuccess: () => void message.success(t(shared ? 'detail.sharedOn' : 'detail.sharedOff')),
                  onError: (error) => void message.error(errorText(error)),
                })
              }
            />
            <label htmlFor="share-notes">{t('detail.share')}</label>
          </Flex>
          {!ended && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('detail.shareAfterEnd')}
            </Typography.Text>
          )}
        </Card>
      )}
      {others.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('detail.noSharedNotes')}</Typography.Paragraph>
      ) : (
        others.map((note) => (
          <Card
            key={note.authorId}
            size="small"
            data-testid="shared-note"
            title={<h3 style={{ margin: 0, fontSize: 15 }}>{t('detail.sharedNote', { name: note.authorName })}</h3>}
            extra={<Typography.Text type="secondary">{updated(note.updatedAt)}</Typography.Text>}
            style={{ marginBottom: 12 }}
          >
            <Typography>
              <Markdown source={note.body} headingOffset={3} />
            </Typography>
          </Card>
        ))
      )}
    </section>
  );
}
