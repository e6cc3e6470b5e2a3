import { MAX_ANSWER_BYTES, type AttemptStatus, type QuestionKind } from '@rubricon/contracts';
import { useLang } from '../i18n/lang';
import { errorTexts, localizedError, type CodedError } from './error-messages';

/** Candidate-facing strings. Kept apart from i18n.tsx so the staff dictionary stays the staff's. */
const en = {
  language: '中文',
  loading: 'Loading…',
  opening: 'Opening your assessment…',
  linkProblem: 'This link cannot be used',
  linkUnknown: errorTexts.en['link-unknown'],
  instructions: 'Instructions',
  hello: (name: string) => `Hello ${name},`,
  timeAllowed: (min: number) => `Time allowed: ${min} minutes`,
  sections: 'Sections',
  questionsCount: (n: number) => (n === 1 ? '1 question' : `${n} questions`),
  rules: 'Before you start',
  ruleTimer:
    'The timer starts when you press Start and cannot be paused. The deadline is kept by the server: closing the page does not stop it.',
  ruleAutosave:
    'Answers are saved automatically a few seconds after you stop typing and when you leave a field. Each question shows whether it is saved.',
  ruleDeadline: 'At the deadline your saved answers are submitted automatically.',
  ruleIntegrity:
    'Pasting, leaving this window and resizing it are recorded and shown to the hiring team as signals, not as proof of anything.',
  ruleKeyboard:
    'Everything works with the keyboard. In the code editor, Ctrl+M switches Tab between indenting and moving focus; Ctrl+Enter runs your code.',
  start: 'Start the assessment',
  starting: 'Starting…',
  timeLeft: 'Time left',
  questionList: 'Questions',
  kindLabels: { coding: 'Coding', case: 'Case study', scenario: 'Scenario', behavioral: 'Behavioural' } as Record<
    QuestionKind,
    string
  >,
  saveState: {
    saved: 'Saved',
    unsaved: 'Not saved yet',
    saving: 'Saving…',
    empty: 'Not answered',
    'too-long': `Too long to save: an answer may be at most ${MAX_ANSWER_BYTES / 1000} KB. Shorten it; until then your last saved version counts.`,
  },
  questionOf: (n: number, total: number) => `Question ${n} of ${total}`,
  suggestedMinutes: (n: number) => `about ${n} min`,
  examples: 'Examples',
  input: 'Input',
  expected: 'Expected',
  codeLanguage: 'Language',
  codeEditor: 'Code editor',
  editorHint: 'Ctrl+M: Tab moves focus · Ctrl+Enter: run',
  editorLoading: 'Loading the editor…',
  run: 'Run examples',
  running: 'Running…',
  submitHidden: 'Submit to hidden tests',
  hiddenResult: (p: number, t: number) => `Passed ${p} of ${t} hidden tests`,
  hiddenCount: (n: number) => `${n} hidden tests check your solution when you submit it to them or at the end.`,
  example: (n: number) => `Example ${n}`,
  verdict: 'Verdict',
  output: 'Output',
  error: 'Error',
  logs: 'Logs',
  passed: 'passed',
  failed: 'failed',
  yourAnswer: 'Your answer',
  markdownHint: 'Markdown is welcome: **bold**, lists with -, `code`.',
  chars: (n: number) => `${n} characters`,
  guidance: (min: number, max: number) => `suggested ${min}–${max}`,
  previous: 'Previous question',
  next: 'Next question',
  submitAll: 'Submit the assessment',
  submitConfirm: 'Submit now? You will not be able to change your answers afterwards.',
  unsavedWarning: (n: number) => `${n} answer(s) are not saved yet; they will be saved before submitting.`,
  confirmSubmit: 'Yes, submit',
  cancel: 'Cancel',
  submitting: 'Submitting…',
  thanks: 'Thank you!',
  thanksBody: 'Your answers have been submitted. The hiring team will be in touch. You can close this page.',
  expiredBody: 'The time is up. Your saved answers were submitted automatically. You can close this page.',
  offline: 'Connection lost: answers are saved over HTTP until it comes back.',
  stale:
    'This answer was also saved from another tab; the text on this screen is kept and saved as the latest version.',
  saveFailed: (msg: string) => `Could not save: ${msg}`,
  statusLabels: {
    invited: 'Not started',
    in_progress: 'In progress',
    submitted: 'Submitted',
    expired: 'Expired',
  } as Record<AttemptStatus, string>,
  /** Refusals by code (error-messages.ts); `textFor` falls back to the server's message. */
  errors: errorTexts.en,
};

const zh: typeof en = {
  language: 'English',
  loading: '加载中…',
  opening: '正在打开测评…',
  linkProblem: '该链接无法使用',
  linkUnknown: errorTexts.zh['link-unknown'],
  instructions: '作答须知',
  hello: (name: string) => `${name}，您好：`,
  timeAllowed: (min: number) => `作答时长：${min} 分钟`,
  sections: '题型分布',
  questionsCount: (n: number) => `${n} 道题`,
  rules: '开始前请阅读',
  ruleTimer: '点击“开始”后计时，中途不能暂停。截止时间以服务器为准，关闭页面不会停止计时。',
  ruleAutosave: '停止输入几秒后或离开输入框时，答案会自动保存；每道题都会显示是否已保存。',
  ruleDeadline: '到达截止时间时，已保存的答案将自动提交。',
  ruleIntegrity: '粘贴、离开本窗口和调整窗口大小会被记录并提供给招聘团队参考，仅作提示，不作为任何结论的依据。',
  ruleKeyboard:
    '所有操作都可以只用键盘完成。在代码编辑器中，Ctrl+M 切换 Tab 键是缩进还是移动焦点；Ctrl+Enter 运行代码。',
  start: '开始测评',
  starting: '正在开始…',
  timeLeft: '剩余时间',
  questionList: '题目列表',
  kindLabels: { coding: '编程题', case: '案例分析题', scenario: '情景题', behavioral: '行为面试题' },
  saveState: {
    saved: '已保存',
    unsaved: '尚未保存',
    saving: '正在保存…',
    empty: '未作答',
    'too-long': `内容过长，无法保存：每题答案最多 ${MAX_ANSWER_BYTES / 1000} KB。请删减；在此之前以您最后保存的版本为准。`,
  },
  questionOf: (n: number, total: number) => `第 ${n} 题，共 ${total} 题`,
  suggestedMinutes: (n: number) => `建议用时约 ${n} 分钟`,
  examples: '示例',
  input: '输入',
  expected: '期望输出',
  codeLanguage: '编程语言',
  codeEditor: '代码编辑器',
  editorHint: 'Ctrl+M：Tab 键移动焦点 · Ctrl+Enter：运行',
  editorLoading: '正在加载编辑器…',
  run: '运行示例',
  running: '正在运行…',
  submitHidden: '提交隐藏测试',
  hiddenResult: (p: number, t: number) => `隐藏测试通过 ${p} / ${t}`,
  hiddenCount: (n: number) => `另有 ${n} 个隐藏测试，在您提交隐藏测试或测评结束时检验代码。`,
  example: (n: number) => `示例 ${n}`,
  verdict: '结果',
  output: '输出',
  error: '错误',
  logs: '日志',
  passed: '通过',
  failed: '未通过',
  yourAnswer: '您的回答',
  markdownHint: '支持 Markdown：**加粗**、以 - 开头的列表、`代码`。',
  chars: (n: number) => `${n} 字`,
  guidance: (min: number, max: number) => `建议 ${min}–${max} 字`,
  previous: '上一题',
  next: '下一题',
  submitAll: '提交测评',
  submitConfirm: '确认现在提交吗？提交后将不能再修改答案。',
  unsavedWarning: (n: number) => `有 ${n} 个答案尚未保存，提交前会先保存。`,
  confirmSubmit: '确认提交',
  cancel: '取消',
  submitting: '正在提交…',
  thanks: '感谢您的作答！',
  thanksBody: '您的答案已提交，招聘团队会与您联系。现在可以关闭本页面。',
  expiredBody: '作答时间已到，已保存的答案已自动提交。现在可以关闭本页面。',
  offline: '连接已断开：恢复之前，答案将通过 HTTP 保存。',
  stale: '该答案也在其他标签页中保存过；本页面上的内容已保留，并作为最新版本保存。',
  saveFailed: (msg: string) => `保存失败：${msg}`,
  statusLabels: { invited: '未开始', in_progress: '作答中', submitted: '已提交', expired: '已过期' },
  errors: errorTexts.zh,
};

export type CandidateMessages = typeof en;

/** `textFor(error)`: a refusal from the server in the page's language when its code is known, else as the server said it. */
export function useCandidateText(): {
  c: CandidateMessages;
  lang: 'en' | 'zh';
  toggle: () => void;
  textFor: (error: CodedError) => string;
} {
  const [lang, setLang] = useLang();
  const toggle = () => setLang(lang === 'en' ? 'zh' : 'en');
  const c = lang === 'zh' ? zh : en;
  return { c, lang, toggle, textFor: (error) => localizedError(c.errors, error) };
}
