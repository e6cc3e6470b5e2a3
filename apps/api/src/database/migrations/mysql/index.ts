// Every migration, oldest first; rewritten by generate-migration.sh.
import { Init1795306461958 } from './1795306461958-Init';
import { Assessments1795306772488 } from './1795306772488-Assessments';
import { Attempts1795307189057 } from './1795307189057-Attempts';
import { SessionGeneration1795308998564 } from './1795308998564-SessionGeneration';
import { PostingDeleteRestricted1795309173713 } from './1795309173713-PostingDeleteRestricted';
import { AssessmentDutiesJson1795312469813 } from './1795312469813-AssessmentDutiesJson';
import { UserCredentialsChangedAt1795312714890 } from './1795312714890-UserCredentialsChangedAt';
import { AttemptExtraTime1795320000001 } from './1795320000001-AttemptExtraTime';
import { PostingContentHash1795330000001 } from './1795330000001-PostingContentHash';
import { Interviews1796219609492 } from './1796219609492-Interviews';
import { Scoring1796233910219 } from './1796233910219-Scoring';
import { PostingLineGroups1796247084506 } from './1796247084506-PostingLineGroups';
import { BankQuestionJson1796267012988 } from './1796267012988-BankQuestionJson';
import { AssessmentFamilyReasons1796278901721 } from './1796278901721-AssessmentFamilyReasons';
import { MailOutbox1796289228178 } from './1796289228178-MailOutbox';

export const MYSQL_MIGRATIONS = [Init1795306461958, Assessments1795306772488, Attempts1795307189057, SessionGeneration1795308998564, PostingDeleteRestricted1795309173713, AssessmentDutiesJson1795312469813, UserCredentialsChangedAt1795312714890, AttemptExtraTime1795320000001, PostingContentHash1795330000001, Interviews1796219609492, Scoring1796233910219, PostingLineGroups1796247084506, BankQuestionJson1796267012988, AssessmentFamilyReasons1796278901721, MailOutbox1796289228178];
