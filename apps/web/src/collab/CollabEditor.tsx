import type { DocClient } from '@rubricon/collab';
import type { CodeLanguage } from '@rubricon/contracts';
import { useEffect, useRef, useState } from 'react';
import { MonacoBinding } from 'y-monaco';
import { applyLanguage, monaco } from '../editor/monaco';
import { cursorCss, remoteCursors, type RemoteCursor } from './cursor-styles';
import './collab.css';

export interface CollabEditorProps {
  /** A synced DocClient of the question on screen. */
  client: DocClient;
  language: CodeLanguage;
  ariaLabel: string;
  readOnly: boolean;
  /** Shown when someone types into the read-only editor. */
  readOnlyMessage?: string;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?: () => void;
  /** "Also here:" before the list of the other people's cursors. */
  legendLabel: string;
  height?: number | string;
}

/**
 * Monaco bound to a question's shared document (y-monaco): edits from either side meet in the Yjs
 * text, and everyone else's cursor and selection show in their colour with their name. The model
 * always uses LF line ends, whatever the platform: a CRLF model counts offsets differently from
 * the document and the two drift apart (y-monaco issues 6 and 27). Default export, for lazy():
 * Monaco downloads only when a shared editor is on screen.
 */
export default function CollabEditor({
  client,
  language,
  ariaLabel,
  readOnly,
  readOnlyMessage,
  onRun,
  legendLabel,
  height = 420,
}: CollabEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const runRef = useRef(onRun);
  runRef.current = onRun;
  const [cursors, setCursors] = useState<RemoteCursor[]>([]);

  useEffect(() => {
    const model = monaco.editor.createModel('', language);
    model.setEOL(monaco.editor.EndOfLineSequence.LF);
    const editor = monaco.editor.create(host.current!, {
      model,
      readOnly,
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      // The indentation (tabSize…) is the model's, set per language by applyLanguage.
      scrollBeyondLastLine: false,
      accessibilitySupport: 'auto',
      renderFinalNewline: 'on',
      showUnused: false,
      // Room above the first line for the name labels over remote cursors.
      padding: { top: 18 },
    });
    editorRef.current = editor;
    applyLanguage(model, language);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current?.());
    const binding = new MonacoBinding(client.text, model, new Set([editor]), client.awareness);

    // One stylesheet per editor: the other people's colours and names, rewritten as they come and go.
    const style = document.createElement('style');
    style.dataset.collabCursors = client.questionId;
    document.head.append(style);
    let last = '';
    const restyle = () => {
      const now = remoteCursors(
        client.awareness.getStates() as Map<number, Record<string, unknown>>,
        client.awareness.clientID,
      );
      const css = cursorCss(now);
      if (css === last) return;
      last = css;
      style.textContent = css;
      setCursors(now);
    };
    client.awareness.on('change', restyle);
    restyle();

    return () => {
      client.awareness.off('change', restyle);
      style.remove();
      binding.destroy();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // One editor per document; the options below follow their props.
  }, [client]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) applyLanguage(model, language);
  }, [language]);

  useEffect(() => {
    editorRef.current?.updateOptions({
      readOnly,
      ariaLabel,
      readOnlyMessage: readOnlyMessage ? { value: readOnlyMessage } : undefined,
    });
  }, [readOnly, ariaLabel, readOnlyMessage]);

  return (
    <div className="collab">
      <div
        ref={host}
        className="collab-editor code-editor"
        style={{ height }}
        data-testid="collab-editor"
        data-readonly={readOnly}
      />
      {cursors.length > 0 && (
        <ul className="cursor-legend" aria-label={legendLabel} data-testid="cursor-legend">
          {cursors.map((c) => (
            <li key={c.clientId}>
              <span className="cursor-swatch" style={{ background: c.colour }} aria-hidden />
              {c.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
