import { attemptsText } from '../attempts/i18n';
import { assessmentsText } from '../assessments/i18n';
import { auditText } from '../audit/i18n';
import { authText } from '../auth/i18n';
import { interviewsText } from '../interviews/i18n';
import { mailText } from '../mail/i18n';
import { roomText } from '../interviews/room/i18n';
import { postingsText } from '../postings/i18n';
import { scorecardsText } from '../scorecards/i18n';
import { scoringText } from '../scoring/i18n';
import { commonText } from '../shell/i18n';
import { usersText } from '../users/i18n';

/**
 * The staff app's dictionaries: one namespace per feature, each written beside its screens
 * (<feature>/i18n.ts) in English and Chinese. Add a feature's namespace here.
 */
export const resources = {
  en: {
    common: commonText.en,
    auth: authText.en,
    postings: postingsText.en,
    users: usersText.en,
    audit: auditText.en,
    attempts: attemptsText.en,
    assessments: assessmentsText.en,
    interviews: interviewsText.en,
    room: roomText.en,
    scorecards: scorecardsText.en,
    scoring: scoringText.en,
    mail: mailText.en,
  },
  zh: {
    common: commonText.zh,
    auth: authText.zh,
    postings: postingsText.zh,
    users: usersText.zh,
    audit: auditText.zh,
    attempts: attemptsText.zh,
    assessments: assessmentsText.zh,
    interviews: interviewsText.zh,
    room: roomText.zh,
    scorecards: scorecardsText.zh,
    scoring: scoringText.zh,
    mail: mailText.zh,
  },
};

export type Resources = (typeof resources)['en'];
