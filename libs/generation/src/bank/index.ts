export { loadQuestionBank } from './load-question-bank';
export type { QuestionBank } from './load-question-bank';
export { BankValidationError, formatBankIssue } from './bank-validation-error';
export type { BankIssue } from './bank-validation-error';
export { CompetencySchema } from './competency.schema';
export type { Competency } from './competency.schema';
export { QuestionSchema } from './question.schema';
export type { Question, CodingQuestion, RubricCriterion, HiddenTest } from './question.schema';
export { generatedInput, GeneratedInputError, hiddenCase, hiddenCases, sizeAt } from './generated-input';
export type { HiddenCase } from './generated-input';
export {
  checkBankRules,
  LIMIT_FROM_SIZE,
  MIN_WRONG_LOSS,
  parseNumber,
  SLOW_FROM_SIZE,
  statedNumbers,
  statedSizes,
} from './bank-rules';
export type { RuleProblem } from './bank-rules';
export { TextSchema, ROLE_FAMILIES, QUESTION_KINDS } from './text.schema';
export type { Text, RoleFamily, QuestionKind } from './text.schema';
