// Every migration, oldest first; rewritten by generate-migration.sh.
import { Init1795306461033 } from './1795306461033-Init';
import { Assessments1795306771051 } from './1795306771051-Assessments';
import { Attempts1795307186121 } from './1795307186121-Attempts';
import { SessionGeneration1795308997308 } from './1795308997308-SessionGeneration';
import { PostingDeleteRestricted1795309172361 } from './1795309172361-PostingDeleteRestricted';
import { AssessmentDutiesJson1795312465378 } from './1795312465378-AssessmentDutiesJson';
import { UserCredentialsChangedAt1795312712063 } from './1795312712063-UserCredentialsChangedAt';
import { AttemptExtraTime1795320000000 } from './1795320000000-AttemptExtraTime';
import { PostingContentHash1795330000000 } from './1795330000000-PostingContentHash';
import { Interviews1796219606905 } from './1796219606905-Interviews';
import { Scoring1796233904766 } from './1796233904766-Scoring';
import { PostingLineGroups1796247078187 } from './1796247078187-PostingLineGroups';
import { BankQuestionJson1796267009074 } from './1796267009074-BankQuestionJson';
import { AssessmentFamilyReasons1796278899770 } from './1796278899770-AssessmentFamilyReasons';
import { MailOutbox1796289225718 } from './1796289225718-MailOutbox';

export const SQLITE_MIGRATIONS = [Init1795306461033, Assessments1795306771051, Attempts1795307186121, SessionGeneration1795308997308, PostingDeleteRestricted1795309172361, AssessmentDutiesJson1795312465378, UserCredentialsChangedAt1795312712063, AttemptExtraTime1795320000000, PostingContentHash1795330000000, Interviews1796219606905, Scoring1796233904766, PostingLineGroups1796247078187, BankQuestionJson1796267009074, AssessmentFamilyReasons1796278899770, MailOutbox1796289225718];
