import {
  isCandidateErrorCode,
  MAX_ANSWER_BYTES,
  MAX_HIDDEN_RUNS_PER_QUESTION,
  MAX_SOCKETS_PER_ATTEMPT,
  type CandidateErrorCode,
  type ErrorCode,
} from '@rubricon/contracts';

/**
 * The candidate page's own words for each refusal the server names with a code (ErrorResponse,
 * SocketErrorAck in the contracts), so a Chinese page never shows the server's English. Kept free
 * of React so a unit test can read both languages. Limits come from the contracts, never typed in.
 */
const en: Record<CandidateErrorCode, string> = {
  'link-unknown': 'This assessment link is not valid. Please check the link in your invitation email.',
  'link-used': 'This invitation link has already been used. Ask the recruiter to send you a new link.',
  'link-expired': 'This invitation has expired. Ask the recruiter for a new link.',
  'link-revoked': 'This invitation has been withdrawn. Please contact the recruiter.',
  'already-submitted': 'This assessment has already been submitted, so answers can no longer change. Thank you.',
  'session-ended':
    'This session has ended (it expired, a newer one replaced it, or it was withdrawn). Open your latest invitation link again.',
  'wrong-attempt': 'This session belongs to another assessment. Open your own invitation link again.',
  'attempt-unknown': 'This assessment could not be found. Please contact the recruiter.',
  'question-unknown': 'This question is not part of your assessment. Reload the page.',
  'not-started': 'Start the assessment first.',
  'not-in-progress': 'The assessment is not in progress, so this can no longer be done.',
  'time-up': 'The time is up: answers can no longer change, and your last saved answers are submitted automatically.',
  'stale-version':
    'A newer version of this answer is already saved (perhaps from another tab). Reload to continue from it.',
  'version-skipped':
    'This save does not follow the saved version of the answer. Reload to continue from the saved version.',
  'answer-too-long': `The answer is too long: an answer may be at most ${MAX_ANSWER_BYTES / 1000} KB.`,
  'language-required': 'A coding answer needs its language: JavaScript or TypeScript.',
  'too-many-saves':
    'Too many saves in a short time; your answer stays on this page and is saved again in a few seconds.',
  'too-many-signals': 'Too many signals in a short time; not all of them were recorded.',
  'too-many-runs': 'Too many code runs; wait a minute and try again.',
  'hidden-runs-exhausted': `You have used all ${MAX_HIDDEN_RUNS_PER_QUESTION} hidden-test runs for this question; your saved code is graded at the end.`,
  'run-in-progress': 'A run is already in progress; wait for it to finish.',
  'sandbox-busy': 'The code runner is busy; try again in a few seconds.',
  'too-many-requests': 'Too many requests; wait a minute and try again.',
  'too-many-tabs': `This assessment is open in too many tabs or windows (at most ${MAX_SOCKETS_PER_ATTEMPT}); close the others and reload this one.`,
};

const zh: Record<CandidateErrorCode, string> = {
  'link-unknown': '测评链接无效，请核对邀请邮件中的链接。',
  'link-used': '该邀请链接已被使用。请联系招聘方为您发送新的链接。',
  'link-expired': '该邀请已过期。请联系招聘方获取新的链接。',
  'link-revoked': '该邀请已被撤回。请联系招聘方。',
  'already-submitted': '本测评已提交，答案不能再修改。感谢您的作答。',
  'session-ended': '本次会话已结束（已过期、已被新的会话取代或已被撤回）。请重新打开您最新的邀请链接。',
  'wrong-attempt': '本次会话属于另一份测评。请重新打开您自己的邀请链接。',
  'attempt-unknown': '找不到该测评。请联系招聘方。',
  'question-unknown': '您的测评中没有这道题。请刷新页面。',
  'not-started': '请先开始测评。',
  'not-in-progress': '测评当前不在作答中，无法再进行此操作。',
  'time-up': '作答时间已到，答案不能再修改；您最后保存的答案将自动提交。',
  'stale-version': '该答案已有更新的版本保存（可能来自其他标签页）。请刷新页面，从最新版本继续。',
  'version-skipped': '本次保存与已保存的答案版本不衔接。请刷新页面，从已保存的版本继续。',
  'answer-too-long': `答案过长：每题答案最多 ${MAX_ANSWER_BYTES / 1000} KB。`,
  'language-required': '编程题答案需要注明编程语言：JavaScript 或 TypeScript。',
  'too-many-saves': '短时间内保存次数过多；您的答案仍保留在本页面，几秒后会再次保存。',
  'too-many-signals': '短时间内记录的事件过多，部分事件未被记录。',
  'too-many-runs': '代码运行次数过多，请等待一分钟后再试。',
  'hidden-runs-exhausted': `本题的 ${MAX_HIDDEN_RUNS_PER_QUESTION} 次隐藏测试机会已全部用完；测评结束时将以您保存的代码评分。`,
  'run-in-progress': '已有代码正在运行，请等待其结束。',
  'sandbox-busy': '代码运行服务繁忙，请几秒后再试。',
  'too-many-requests': '请求过于频繁，请等待一分钟后再试。',
  'too-many-tabs': `本测评已在过多的标签页或窗口中打开（最多 ${MAX_SOCKETS_PER_ATTEMPT} 个）；请关闭其他页面后重新加载本页。`,
};

export const errorTexts = { en, zh };

/** What the page keeps of a refusal: the server's English and its code, when this build knows it. */
export interface CodedError {
  message: string;
  code?: ErrorCode;
}

/**
 * The page's text for a candidate code, else the server's own message: a code only staff meet, or
 * one from a newer server. Takes any string as the code, so nothing unchecked reaches `texts`.
 */
export function localizedError(
  texts: Record<CandidateErrorCode, string>,
  error: { message: string; code?: string },
): string {
  return isCandidateErrorCode(error.code) ? texts[error.code] : error.message;
}
