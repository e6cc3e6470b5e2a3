/**
 * The lean Monaco build: the core API, the editing features a candidate expects, and only the
 * candidates' languages (CODE_LANGUAGES): JavaScript/TypeScript with their language service, Python
 * with Monaco's Monarch tokenizer alone (highlighting, brackets, indentation; no worker of its own).
 * Importing `monaco-editor` itself would pull every language.
 * Workers are separate files served from 'self', which the server's CSP (worker-src 'self') allows.
 */
import type { CodeLanguage } from '@rubricon/contracts';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
// The TypeScript language features load lazily and bring contributions whose services must be
// registered before the first editor exists (else: "depends on UNKNOWN service ICodeLensCache").
import 'monaco-editor/features/codelens/register';
import 'monaco-editor/features/dropOrPasteInto/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

/**
 * Gives a model a candidate language: its highlighting (Monaco's language ids are the contracts'
 * ids) and its indentation, spaces always, four for Python as PEP 8 and the starters have it, two
 * otherwise. Set on every change: Monaco only guesses the indentation when a model is created, and
 * an Enter after `def solve(input):` must indent the way the starter's body is.
 */
export function applyLanguage(model: monaco.editor.ITextModel, language: CodeLanguage): void {
  monaco.editor.setModelLanguage(model, language);
  const size = language === 'python' ? 4 : 2;
  model.updateOptions({ tabSize: size, indentSize: size, insertSpaces: true });
}

export { monaco };
