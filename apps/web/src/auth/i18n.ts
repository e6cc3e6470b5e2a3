import type { FeatureText } from '../i18n/translation';

const en = {
  title: 'Sign in to Rubricon',
  email: 'Email',
  password: 'Password',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'This is not an email address.',
  passwordRequired: 'Enter your password.',
  signIn: 'Sign in',
  candidateHint: 'Candidates: open the personal link from your invitation; no account is needed.',
};

const zh: FeatureText<typeof en>['zh'] = {
  title: '登录 Rubricon',
  email: '邮箱',
  password: '密码',
  emailRequired: '请输入邮箱地址。',
  emailInvalid: '邮箱地址格式不正确。',
  passwordRequired: '请输入密码。',
  signIn: '登录',
  candidateHint: '候选人：请直接打开邀请中的个人链接，无需账号。',
};

export const authText: FeatureText<typeof en> = { en, zh };
