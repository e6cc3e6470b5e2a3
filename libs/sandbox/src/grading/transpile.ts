import type * as TS from 'typescript';
import { lineMapFromSourceMap } from './source-map';

export interface Transpiled {
  js: string;
  /** Maps a line of `js` to the candidate's TypeScript line. */
  mapLine: (line: number) => number;
  /** First syntax error in the candidate's TypeScript, already phrased for the candidate. */
  syntaxError?: { message: string; line: number };
}

let typescript: typeof TS | undefined;

/** typescript is large (~0.5 s to load): loaded once per worker, on first use or by preload. */
export function loadTypeScript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typescript ??= require('typescript') as typeof TS;
  return typescript;
}

/** Types stripped by transpileModule (ES2022, no module wrapper); a source map keeps line numbers true. */
export function transpileTypeScript(code: string): Transpiled {
  const ts = loadTypeScript();
  const output = ts.transpileModule(code, {
    fileName: 'solution.ts',
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
      inlineSources: false,
      removeComments: false,
      isolatedModules: true,
    },
  });
  const mappings = output.sourceMapText ? (JSON.parse(output.sourceMapText) as { mappings: string }).mappings : '';
  // The emitted source map comment would point at a file that does not exist in the isolate.
  const js = output.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  const result: Transpiled = { js, mapLine: lineMapFromSourceMap(mappings) };
  const diagnostic = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostic) {
    const line =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0;
    result.syntaxError = {
      message: `SyntaxError: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
      line,
    };
  }
  return result;
}
