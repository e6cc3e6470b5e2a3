import type { QuestionKind } from '@rubricon/contracts';
import { errorText, type CodedError } from '../i18n/errors';
import { useLang } from '../i18n/lang';
import type { RunLabels } from '../collab/RoomParts';

/** The candidate's words in a live interview (/live/<token>), in English and Chinese; no i18n library. */
const en = {
  joining: 'Joining the interview…',
  reconnecting: 'Connection lost; reconnecting…',
  linkProblem: 'This interview link cannot be used',
  linkUnknown: 'This interview link is not valid. Check that you opened the whole link.',
  linkReplaced: 'This link has been replaced by a new one. Open the latest link you received.',
  replacedTitle: 'Opened in another window',
  replacedBody:
    'This interview was opened in another window or on another device, and continues there. Open it here again to continue in this window.',
  continueHere: 'Continue in this window',
  waitingTitle: 'Waiting for the interviewer',
  waitingBody: 'The interview starts when your interviewer shows you the first question. Keep this page open.',
  hello: (name: string) => `Hello ${name},`,
  startsAt: (when: string) => `Planned start: ${when}`,
  duration: (min: number) => `Planned length: ${min} minutes`,
  participants: 'In this interview',
  online: 'online',
  offline: 'not connected',
  you: 'you',
  timer: 'Elapsed',
  ofMinutes: (min: number) => `of ${min} min`,
  overtime: (over: string) => `+${over} over`,
  questions: 'Questions',
  questionN: (n: number) => `Question ${n}`,
  current: 'current',
  kinds: { coding: 'Coding', case: 'Case study', scenario: 'Scenario', behavioral: 'Behavioural' } as Record<
    QuestionKind,
    string
  >,
  examples: 'Examples',
  input: 'Input',
  expected: 'Expected',
  editor: 'Shared code editor',
  editorLoading: 'Loading the editor…',
  editorHint: 'Your interviewer sees what you type, and you see their cursor. Ctrl+Enter runs the examples.',
  alsoHere: 'Also in the editor',
  run: 'Run examples',
  runCustom: 'Run with this input',
  customLabel: 'Input (JSON, passed as solve(input))',
  customInvalid: (detail: string) => `This is not valid JSON: ${detail}`,
  noCodeHere: 'This question is answered by talking it through with your interviewer.',
  endedTitle: 'The interview has ended',
  endedBody: 'Thank you! The code can no longer change; you can close this page.',
  readOnly: 'The interview has ended: the code is read-only.',
  run_: {
    title: 'Output',
    running: 'running…',
    ranBy: (name: string) => `Run by ${name}`,
    example: (n: number) => `Example ${n}`,
    passed: 'passed',
    failed: 'failed',
    output: 'Output',
    error: 'Error',
    logs: 'Logs',
    customResult: 'Result for the input',
    verdicts: {
      ok: 'finished',
      passed: 'passed',
      failed: 'failed',
      error: 'error',
      timeout: 'took too long',
      memory: 'ran out of memory',
      crashed: 'the runner stopped',
    } as Record<string, string>,
  },
};

const zh: typeof en = {
  joining: '正在进入面试…',
  reconnecting: '连接已断开，正在重新连接…',
  linkProblem: '该面试链接无法使用',
  linkUnknown: '该面试链接无效，请确认打开的是完整链接。',
  linkReplaced: '此链接已被新链接取代，请打开您收到的最新链接。',
  replacedTitle: '已在另一个窗口中打开',
  replacedBody: '本场面试已在另一个窗口或设备上打开，并将在那里继续。如需在此窗口继续，请重新打开。',
  continueHere: '在此窗口继续',
  waitingTitle: '等待面试官',
  waitingBody: '面试官展示第一道题后面试即开始，请保持本页面打开。',
  hello: (name: string) => `${name}，您好：`,
  startsAt: (when: string) => `计划开始时间：${when}`,
  duration: (min: number) => `计划时长：${min} 分钟`,
  participants: '面试参与者',
  online: '在线',
  offline: '未连接',
  you: '您',
  timer: '已用时',
  ofMinutes: (min: number) => `/ ${min} 分钟`,
  overtime: (over: string) => `已超时 ${over}`,
  questions: '题目',
  questionN: (n: number) => `第 ${n} 题`,
  current: '当前',
  kinds: { coding: '编程题', case: '案例分析题', scenario: '情景题', behavioral: '行为面试题' },
  examples: '示例',
  input: '输入',
  expected: '期望输出',
  editor: '共享代码编辑器',
  editorLoading: '正在加载编辑器…',
  editorHint: '面试官能看到您输入的内容，您也能看到面试官的光标。Ctrl+Enter 运行示例。',
  alsoHere: '编辑器中的其他人',
  run: '运行示例',
  runCustom: '用此输入运行',
  customLabel: '输入（JSON，作为 solve(input) 的参数）',
  customInvalid: (detail: string) => `不是有效的 JSON：${detail}`,
  noCodeHere: '这道题请与面试官口头交流作答。',
  endedTitle: '面试已结束',
  endedBody: '感谢您的参与！代码已不能再修改，现在可以关闭本页面。',
  readOnly: '面试已结束：代码为只读。',
  run_: {
    title: '运行结果',
    running: '正在运行…',
    ranBy: (name: string) => `由 ${name} 运行`,
    example: (n: number) => `示例 ${n}`,
    passed: '通过',
    failed: '未通过',
    output: '输出',
    error: '错误',
    logs: '日志',
    customResult: '该输入的运行结果',
    verdicts: {
      ok: '运行完成',
      passed: '通过',
      failed: '未通过',
      error: '出错',
      timeout: '运行超时',
      memory: '内存不足',
      crashed: '运行器已停止',
    },
  },
};

export type LiveMessages = typeof en;

export function useLiveText(): {
  l: LiveMessages;
  lang: 'en' | 'zh';
  textFor: (error: CodedError) => string;
  runLabels: RunLabels;
} {
  const [lang] = useLang();
  const l = lang === 'zh' ? zh : en;
  const textFor = (error: CodedError) => errorText(lang, error);
  return { l, lang, textFor, runLabels: { ...l.run_, refusal: textFor } };
}
