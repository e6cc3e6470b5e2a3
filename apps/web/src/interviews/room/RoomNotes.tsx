import { Card, Segmented, Typography, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { RoomConnection, RoomView } from '../../collab/room-connection';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useErrorText, useTranslation } from '../../i18n/staff';
import { Markdown } from '../../markdown/Markdown';
import { NoteSaver, type NoteState } from './note-saver';

/**
 * The interviewer's private note: Markdown, saved over the room's socket a second after typing
 * stops (note-saver.ts), with what is saved shown beside it and a preview. The server sends it to
 * this person's sockets only, never the candidate's.
 */
export function RoomNotes({ room, view }: { room: RoomConnection; view: RoomView }) {
  const { t } = useTranslation('room');
  const [lang] = useLang();
  const errorText = useErrorText();
  const [body, setBody] = useState(view.note?.body ?? '');
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [state, setState] = useState<{ state: NoteState; savedAt: string | null; error: unknown }>({
    state: 'saved',
    savedAt: view.note?.updatedAt ?? null,
    error: null,
  });
  const saver = useRef<NoteSaver | null>(null);

  useEffect(() => {
    const s = new NoteSaver(view.note?.body ?? '', {
      save: (text) => room.request('note:save', { body: text }),
      onState: (next, detail) => setState({ state: next, ...detail }),
    });
    saver.current = s;
    return () => {
      void s.flush();
      s.dispose();
    };
    // One saver per room connection; the note itself is followed below.
  }, [room]);

  // The note as saved (on joining, or from another tab of ours): shown unless something typed here is unsaved.
  const note = view.note;
  useEffect(() => {
    if (!note || !saver.current || saver.current.dirty) return;
    saver.current.saved(note.body, note.updatedAt);
    setBody(note.body);
    setState({ state: 'saved', savedAt: note.updatedAt, error: null });
  }, [note]);

  const status =
    state.state === 'saved'
      ? state.savedAt
        ? t('noteState.savedAt', { time: formatDateTime(lang, state.savedAt, { seconds: true }) })
        : t('noteState.saved')
      : state.state === 'failed'
        ? t('noteState.failed', { error: errorText(state.error) })
        : t(`noteState.${state.state}`);

  return (
    <Card
      size="small"
      className="room-notes"
      data-testid="room-notes"
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
          {t('notes')}
        </Typography.Title>
      }
      extra={
        <Segmented
          size="small"
          value={mode}
          onChange={(v) => setMode(v as 'write' | 'preview')}
          options={[
            { value: 'write', label: t('notesWrite') },
            { value: 'preview', label: t('notesPreview') },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} id="room-notes-hint">
        {t('notesHint')}
      </Typography.Paragraph>
      {mode === 'write' ? (
        <Input.TextArea
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            saver.current?.change(e.target.value);
          }}
          onBlur={() => void saver.current?.flush()}
          autoSize={{ minRows: 6, maxRows: 20 }}
          aria-label={t('notes')}
          aria-describedby="room-notes-hint"
          data-testid="note-input"
        />
      ) : (
        <Typography className="room-note-preview" data-testid="note-preview">
          {body.trim() ? (
            <Markdown source={body} headingOffset={2} />
          ) : (
            <Typography.Text type="secondary">{t('notesEmpty')}</Typography.Text>
          )}
        </Typography>
      )}
      <Typography.Text
        type={state.state === 'failed' ? 'danger' : 'secondary'}
        role="status"
        data-testid="note-state"
        data-state={state.state}
        style={{ display: 'block', marginTop: 6 }}
      >
        {status}
      </Typography.Text>
    </Card>
  );
}
