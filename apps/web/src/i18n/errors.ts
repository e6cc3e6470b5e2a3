import {
  isErrorCode,
  MAX_ANSWER_BYTES,
  MAX_HIDDEN_RUNS_PER_QUESTION,
  MAX_SOCKETS_PER_ATTEMPT,
  type ErrorCode,
} from '@rubricon/contracts';

/**
 * The web app's words for every refusal the API names with a code (ErrorResponse, SocketErrorAck),
 * in both interface languages, so a Chinese page never shows the server's English. `{name}` is
 * filled from the refusal's `params`. Typed as a full Record: a code without a text in either
 * language fails `tsc`, and a unit test walks the contracts' table too. Free of React so both the
 * staff app and the light candidate page use it.
 */
export type ErrorTexts = Record<ErrorCode, string>;

const en: ErrorTexts = {
  'invalid-request': 'The request was not accepted: {detail}',
  'code-empty': 'The code is empty; write a solution before running it.',
  'code-too-long': 'The code is too long: {bytes} bytes, and the limit is {max} bytes.',
  'credentials-required': 'Enter your email and password.',
  'title-required': 'Enter a title.',
  'duties-required': 'A posting needs at least one duty line.',
  'line-empty': 'Lines cannot be empty; remove the empty ones.',
  'candidate-already-invited':
    '{email} is already invited to this assessment. Revoke that invitation first to invite them again.',
  // Users form.
  'role-unknown': 'There is no role “{role}”; choose one of: {roles}.',
  'email-invalid': '“{email}” is not a valid email address.',
  'name-required': 'Enter a name.',
  'password-too-short': 'The password must be at least {min} characters long.',
  // Posting documents and candidate files.
  'import-too-large': 'The document is {bytes} bytes, more than the limit of {max} bytes. Split it into smaller files.',
  'file-not-text': 'This file looks binary, not like text. Upload a text file.',
  'file-not-utf8':
    'This file is not UTF-8 text (perhaps GBK). Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again.',
  'import-empty': 'The document is empty.',
  'import-unsupported-type': 'Files of type “.{extension}” are not supported; upload one of: {supported}.',
  'import-table-header-missing': 'The table has no header row with a title column and a duties column.',
  'import-table-columns-missing': 'The header on row {line} ({header}) has no column for: {missing}.',
  'import-table-row-cells': 'Row {line} has {cells} cells, but the header has {expected}.',
  'import-no-duties':
    'No posting with at least one duty was found. Put the duties under a heading such as “岗位职责” or “Responsibilities”, one per line.',
  'import-too-many-lines': 'Posting “{title}” has {count} {kind} lines; a posting may have at most {max}.',
  'import-line-too-long':
    'Posting “{title}”: {kind} line {line} is {length} characters long; at most {max} are allowed.',
  'import-too-complex': 'The document’s layout is too complex to read; simplify it or split it into smaller files.',
  'csv-empty': 'The CSV needs a header row (name,email) and at least one candidate.',
  'csv-columns-missing': 'The CSV header must have the columns “name” and “email”; found: {found}.',
  'csv-row-invalid': 'Line {line}: each candidate needs a name and a valid email (found “{name}”, “{email}”).',
  'csv-too-many': 'Invite at most {max} candidates per file.',
  'csv-duplicate-email':
    'The email {email} appears on lines {lines} ({count} repeated emails in all). Invite each person once.',
  'duration-out-of-range': 'The duration must be from {min} to {max} minutes (you entered {minutes}).',
  'invalid-json': 'The request could not be read (it is not valid JSON).',
  'too-deeply-nested': 'The request is nested too deeply (more than {depth} levels).',
  'unsupported-encoding': 'The text must be UTF-8 encoded.',
  'body-too-large': 'The upload is too large: {detail}',
  'not-found': 'Not found.',
  'unknown-event': 'The server does not know this action; reload the page.',
  'too-many-requests': 'Too many requests; wait a minute and try again.',
  'internal-error': 'Something went wrong on our side; it has been logged. Try again in a moment.',
  'database-unavailable': 'The database does not answer; try again in a moment.',
  'sign-in-required': 'Please sign in.',
  'sign-in-expired': 'Your session has expired; sign in again.',
  'account-inactive': 'This account has been deactivated. Ask an administrator.',
  'password-changed': 'Your password was changed, so you have been signed out; sign in again.',
  'wrong-credentials': 'Wrong email or password.',
  'too-many-sign-ins': 'Too many sign-in attempts; wait a minute and try again.',
  'role-required': 'Your role cannot do this (it needs: {roles}).',
  'user-not-found': 'This user does not exist.',
  'email-taken': 'A user with the email {email} already exists.',
  'self-demotion': 'You cannot deactivate yourself or remove your own admin role.',
  'posting-not-found': 'This posting does not exist (it may have been deleted).',
  'import-missing': 'Choose a posting file or paste the posting text first.',
  'import-unreadable': 'The posting could not be read: {detail}',
  'nothing-to-change': 'Nothing was changed.',
  'posting-in-use': 'This posting has assessments that candidates’ work depends on, so it cannot be deleted.',
  'bank-question-not-found': 'The question bank has no question {id}.',
  'assessment-not-found': 'This assessment does not exist.',
  'assessment-published': 'This assessment is published and can no longer change; generate a new draft instead.',
  'assessment-not-published': 'Publish the assessment before inviting candidates.',
  'question-already-added': '{id} is already in this assessment.',
  'question-not-in-assessment': '{id} is not in this assessment.',
  'last-question': 'An assessment needs at least one question; add another before removing this one.',
  'swap-not-allowed': '{replacement} cannot replace {id}: it must be a question of the same kind that is not used yet.',
  'candidates-missing': 'Choose a CSV file or paste lines of “name,email” first.',
  'candidates-unreadable': 'The candidate list could not be read: {detail}',
  'invitation-not-found': 'This invitation does not exist.',
  'attempt-not-found': 'This attempt does not exist.',
  'nothing-to-resend': 'This attempt has been submitted; there is nothing to resend.',
  'extra-time-invalid': 'Extra time must be a whole number of minutes from 1 to {max}.',
  'attempt-closed': 'This attempt is over (submitted, or past its deadline), so its time can no longer change.',
  'invalid-run': 'The code run was not accepted: {detail}',
  'too-many-runs': 'Too many code runs; wait a minute and try again.',
  'run-in-progress': 'A run is already in progress; wait for it to finish.',
  'sandbox-busy': 'The code runner is busy; try again in a few seconds.',
  'hidden-runs-exhausted': `You have used all ${MAX_HIDDEN_RUNS_PER_QUESTION} hidden-test runs for this question; your saved code is graded at the end.`,
  'link-unknown': 'This assessment link is not valid. Please check the link in your invitation.',
  'link-used': 'This invitation link has already been used. Ask the recruiter to send you a new link.',
  'link-expired': 'This invitation has expired. Ask the recruiter for a new link.',
  'link-revoked': 'This invitation has been withdrawn. Please contact the recruiter.',
  'already-submitted': 'This assessment has already been submitted, so answers can no longer change. Thank you.',
  'session-ended':
    'This session has ended (it expired, or the link was withdrawn or replaced by a new one). Open your latest invitation link again.',
  'session-replaced':
    'This assessment was continued in another window or on another device, so this page no longer saves. Open the link again here to continue here.',
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
  'too-many-tabs': `This assessment is open in too many tabs or windows (at most ${MAX_SOCKETS_PER_ATTEMPT}); close the others and reload this one.`,
};

const zh: ErrorTexts = {
  'invalid-request': '请求未被接受：{detail}',
  'code-empty': '代码为空，请先编写解答再运行。',
  'code-too-long': '代码过长：{bytes} 字节，上限为 {max} 字节。',
  'credentials-required': '请输入邮箱和密码。',
  'title-required': '请输入职位名称。',
  'duties-required': '职位至少需要一条职责。',
  'line-empty': '条目不能为空，请删除空行。',
  'candidate-already-invited': '{email} 已被邀请参加本测评。如需重新邀请，请先撤回之前的邀请。',
  // 用户表单。
  'role-unknown': '没有“{role}”这个角色；可选角色：{roles}。',
  'email-invalid': '“{email}”不是有效的邮箱地址。',
  'name-required': '请输入姓名。',
  'password-too-short': '密码至少需要 {min} 个字符。',
  // 职位文档与候选人文件。
  'import-too-large': '文档大小为 {bytes} 字节，超过 {max} 字节的上限。请拆分为较小的文件。',
  'file-not-text': '该文件看起来是二进制文件，而不是文本。请上传文本文件。',
  'file-not-utf8': '该文件不是 UTF-8 文本（可能是 GBK 编码）。请另存为 UTF-8（Excel 中选择“CSV UTF-8”）后重新上传。',
  'import-empty': '文档内容为空。',
  'import-unsupported-type': '不支持“.{extension}”类型的文件；请上传以下类型之一：{supported}。',
  'import-table-header-missing': '表格缺少包含职位名称列和职责列的表头行。',
  'import-table-columns-missing': '第 {line} 行的表头（{header}）缺少以下列：{missing}。',
  'import-table-row-cells': '第 {line} 行有 {cells} 个单元格，但表头有 {expected} 列。',
  'import-no-duties': '未找到包含职责条目的职位。请将职责放在“岗位职责”或“Responsibilities”等标题下，每行一条。',
  'import-too-many-lines': '职位“{title}”的职责或要求多达 {count} 行；每类最多 {max} 行。',
  'import-line-too-long': '职位“{title}”中第 {line} 条职责或要求长 {length} 个字符；每条最多 {max} 个字符。',
  'import-too-complex': '文档版式过于复杂，无法读取；请简化或拆分为较小的文件。',
  'csv-empty': 'CSV 需要一行表头（name,email）和至少一位候选人。',
  'csv-columns-missing': 'CSV 表头必须包含“name”和“email”两列；实际为：{found}。',
  'csv-row-invalid': '第 {line} 行：每位候选人都需要姓名和有效的邮箱（实际为“{name}”、“{email}”）。',
  'csv-too-many': '每个文件最多邀请 {max} 位候选人。',
  'csv-duplicate-email': '邮箱 {email} 在第 {lines} 行重复出现（共 {count} 个重复的邮箱）。每人只需邀请一次。',
  'duration-out-of-range': '测评时长必须在 {min} 到 {max} 分钟之间（您填写的是 {minutes}）。',
  'invalid-json': '无法读取请求内容（不是有效的 JSON）。',
  'too-deeply-nested': '请求内容嵌套层级过深（超过 {depth} 层）。',
  'unsupported-encoding': '文本必须使用 UTF-8 编码。',
  'body-too-large': '上传内容过大：{detail}',
  'not-found': '未找到。',
  'unknown-event': '服务器不认识此操作，请刷新页面。',
  'too-many-requests': '请求过于频繁，请等待一分钟后再试。',
  'internal-error': '服务器内部出错，已记录日志。请稍后再试。',
  'database-unavailable': '数据库暂时无法访问，请稍后再试。',
  'sign-in-required': '请先登录。',
  'sign-in-expired': '登录已过期，请重新登录。',
  'account-inactive': '该账号已被停用，请联系管理员。',
  'password-changed': '密码已修改，您已被登出，请重新登录。',
  'wrong-credentials': '邮箱或密码错误。',
  'too-many-sign-ins': '登录尝试次数过多，请等待一分钟后再试。',
  'role-required': '您的角色无权执行此操作（需要：{roles}）。',
  'user-not-found': '该用户不存在。',
  'email-taken': '邮箱为 {email} 的用户已存在。',
  'self-demotion': '不能停用自己的账号，也不能取消自己的管理员角色。',
  'posting-not-found': '该职位不存在（可能已被删除）。',
  'import-missing': '请先选择职位文件或粘贴职位内容。',
  'import-unreadable': '无法读取该职位：{detail}',
  'nothing-to-change': '没有任何修改。',
  'posting-in-use': '该职位已有测评，候选人的作答依赖于它，因此不能删除。',
  'bank-question-not-found': '题库中没有题目 {id}。',
  'assessment-not-found': '该测评不存在。',
  'assessment-published': '该测评已发布，不能再修改；请重新生成一份草稿。',
  'assessment-not-published': '请先发布测评，再邀请候选人。',
  'question-already-added': '{id} 已在本测评中。',
  'question-not-in-assessment': '{id} 不在本测评中。',
  'last-question': '测评至少需要一道题；请先添加其他题目，再删除这一道。',
  'swap-not-allowed': '{replacement} 不能替换 {id}：替换题必须是同类型且尚未使用的题目。',
  'candidates-missing': '请先选择 CSV 文件或粘贴“姓名,邮箱”格式的名单。',
  'candidates-unreadable': '无法读取候选人名单：{detail}',
  'invitation-not-found': '该邀请不存在。',
  'attempt-not-found': '该作答记录不存在。',
  'nothing-to-resend': '该作答已提交，无需重新发送链接。',
  'extra-time-invalid': '延长时间须为 1 到 {max} 之间的整数分钟。',
  'attempt-closed': '该作答已结束（已提交或已过截止时间），不能再调整时间。',
  'invalid-run': '代码运行请求未被接受：{detail}',
  'too-many-runs': '代码运行次数过多，请等待一分钟后再试。',
  'run-in-progress': '已有代码正在运行，请等待其结束。',
  'sandbox-busy': '代码运行服务繁忙，请几秒后再试。',
  'hidden-runs-exhausted': `本题的 ${MAX_HIDDEN_RUNS_PER_QUESTION} 次隐藏测试机会已全部用完；测评结束时将以您保存的代码评分。`,
  'link-unknown': '测评链接无效，请核对邀请中的链接。',
  'link-used': '该邀请链接已被使用。请联系招聘方为您发送新的链接。',
  'link-expired': '该邀请已过期。请联系招聘方获取新的链接。',
  'link-revoked': '该邀请已被撤回。请联系招聘方。',
  'already-submitted': '本测评已提交，答案不能再修改。感谢您的作答。',
  'session-ended': '本次会话已结束（已过期，或链接已被撤回或由新链接取代）。请重新打开您最新的邀请链接。',
  'session-replaced': '本测评已在另一个窗口或设备上继续作答，本页面不再保存。如需在此继续，请重新打开链接。',
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
  'too-many-tabs': `本测评已在过多的标签页或窗口中打开（最多 ${MAX_SOCKETS_PER_ATTEMPT} 个）；请关闭其他页面后重新加载本页。`,
};

export const errorTexts: Record<'en' | 'zh', ErrorTexts> = { en, zh };

/** What a client keeps of a refusal: the server's English, its code when this build knows it, and its params. */
export interface CodedError {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * The interface language's text for a refusal, its `{name}` placeholders filled from `params`; the
 * server's own message only for a code this build does not know (a newer server) or none at all.
 */
export function errorText(lang: 'en' | 'zh', error: CodedError): string {
  if (!isErrorCode(error.code)) return error.message;
  const params = error.params ?? {};
  return errorTexts[lang][error.code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
