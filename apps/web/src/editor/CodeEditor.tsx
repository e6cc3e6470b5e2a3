import type { CodeLanguage } from '@rubricon/contracts';
import { useEffect, useRef } from 'react';
import { applyLanguage, monaco } from './monaco';

export interface CodeEditorProps {
  value: string;
  language: CodeLanguage;
  onChange?: (value: string) => void;
  onBlur?: () => void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?: () => void;
  ariaLabel: string;
  readOnly?: boolean;
  height?: number;
}

/**
 * Monaco as a React component. The model is the source of truth while typing; `value` only
 * replaces it when it changed from outside (a reload, a starter loaded for the other language).
 * Default export: the candidate screens load it with lazy().
 */
export default function CodeEditor({
  value,
  language,
  onChange,
  onBlur,
  onRun,
  ariaLabel,
  readOnly = false,
  height = 360,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The latest callbacks, read by listeners registered once.
  const callbacks = useRef({ onChange, onBlur, onRun });
  callbacks.current = { onChange, onBlur, onRun };
  // Values this editor reported and may see again as `value`, possibly after more typing: such an
  // echo must not be written back, or the cursor jumps and keystrokes get reordered.
  const echoes = useRef<string[]>([]);

  useEffect(() => {
    const model = monaco.editor.createModel(value, language);
    const editor = monaco.editor.create(host.current!, {
      model,
      readOnly,
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      // The indentation (tabSize…) is the model's, set per language by applyLanguage.
      accessibilitySupport: 'auto',
      // Dimmed text (the line after the last, unused names) falls under 4.5:1 contrast.
      renderFinalNewline: 'on',
      showUnused: false,
    });
    editorRef.current = editor;
    applyLanguage(model, language);
    const subscriptions = [
      model.onDidChangeContent(() => {
        const text = model.getValue();
        echoes.current.push(text);
        if (echoes.current.length > 200) echoes.current.shift();
        callbacks.current.onChange?.(text);
      }),
      editor.onDidBlurEditorText(() => callbacks.current.onBlur?.()),
    ];
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onRun?.());
    return () => {
      subscriptions.forEach((s) => s.dispose());
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // Created once per mount; value and language changes are applied below.
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === value) return;
    const echo = echoes.current.lastIndexOf(value);
    if (echo >= 0) {
      echoes.current.splice(0, echo + 1);
      return;
    }
    echoes.current = [];
    model.setValue(value);
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) applyLanguage(model, language);
  }, [language]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel });
  }, [readOnly, ariaLabel]);

  return <div ref={host} className="code-editor" style={{ height }} data-testid="code-editor" />;
}
