/** One problem in the bank, located by file, question (or competency) and field path. */
export interface BankIssue {
  file: string;
  item?: string;
  path: string;
  message: string;
}

export function formatBankIssue(issue: BankIssue): string {
  return [issue.file, issue.item, issue.path || undefined, issue.message].filter((p) => p !== undefined).join(': ');
}

/** Thrown by loadQuestionBank; the message lists every issue, one per line, first issue first. */
export class BankValidationError extends Error {
  constructor(readonly issues: BankIssue[]) {
    super(issues.map(formatBankIssue).join('\n'));
    this.name = 'BankValidationError';
  }
}

/** zod path -> `rubric[2].anchors.5.zh` (numbers are array indices, strings are keys). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
