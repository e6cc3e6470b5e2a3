import type { QuestionBank } from '../bank';
import { normalise } from '../text/normalise';
import { isContextMention } from './context';
import { buildDictionary } from './dictionary';
import { matchTerms } from './match-terms';
import { tagLine, type CompetencyTag, type TaggedLine } from './tag-line';

// Posting-level context. Some competencies come from the posting as a whole, not from one line: on
// an Android or iOS posting, "编写单元测试与UI自动化测试" or "Protect customer data on the device with
// the Keychain" is testing and security work on the app, although the line never says mobile; the
// title says it. A hiring manager would assess the mobile side of that work (the taxonomy's SE.MOBILE
// covers the mobile specifics of lifecycle, offline use, performance and store release), so such a
// line gets the title's platform too.
//
// Only client platforms carry over. Their definitions cover the platform side of testing, performance,
// security and release (SE.MOBILE above; SE.FRONTEND: usable, accessible and fast interfaces).
// SE.BACKEND does not: a unit-test line on a backend posting asks for testing, not for server-side
// business logic. Nor do DATA.* titles (数据分析师, 大数据开发): they name a subject the lines already
// name, not a platform whose engineering lines leave it unsaid. Tuned on the dev split of the
// labelled postings (see evaluate-tagging.ts).
const CLIENT_PLATFORMS: ReadonlySet<string> = new Set(['SE.FRONTEND', 'SE.MOBILE']);
// Engineering work that is done differently on each platform: every SE competency but the platforms
// themselves and algorithms, which are the same on every platform.
const PLATFORM_NEUTRAL: ReadonlySet<string> = new Set(['SE.ALGO', 'SE.BACKEND', ...CLIENT_PLATFORMS]);
// SE.BACKEND synonyms that say "writing code" without naming a side (coding, 代码编写, 业务模块). On a
// client-platform posting such code is the platform's; a SE.BACKEND tag resting on any other synonym
// (后端, server-side, java, spring) names the server side, another platform.
const GENERAL_CODE =
  /代码|编码|编程|业务逻辑|核心开发|业务模块|应用模块|coding|code|programming|software|object oriented|business logic/;

/** What generation tags of a posting: its title and duty lines. */
export interface PostingLines {
  title: string;
  duties: readonly string[];
}

/** The client platform a posting's title names, with the title's word for it; undefined when it names none or two. */
export function titlePlatform(title: string, bank: QuestionBank): { id: string; term: string } | undefined {
  const found = matchTerms(normalise(title), buildDictionary(bank)).flatMap((m) =>
    m.competencies.filter((id) => CLIENT_PLATFORMS.has(id)).map((id) => ({ id, term: m.term })),
  );
  return new Set(found.map((f) => f.id)).size === 1 ? found[0] : undefined;
}

/**
 * True when the line itself names another platform as what the work is on: another client platform,
 * or the server side (a SE.BACKEND synonym that is not general code). Read from all of the line's
 * terms, those tagLine drops as passing mentions too ("服务端接口开发与联调" is server work even though
 * SE.API outweighs it), but not from the line's setting ("与后端工程师联调": whom the work is with).
 */
function namesOtherPlatform(text: string, platform: string, bank: QuestionBank): boolean {
  const normalised = normalise(text);
  return matchTerms(normalised, buildDictionary(bank)).some(
    (m) =>
      !isContextMention(normalised, m.end) &&
      m.competencies.some(
        (id) => (CLIENT_PLATFORMS.has(id) && id !== platform) || (id === 'SE.BACKEND' && !GENERAL_CODE.test(m.term)),
      ),
  );
}

/** `line` with the title's platform added when it is engineering work that names no other platform. */
function withPlatform(line: TaggedLine, platform: { id: string; term: string }, bank: QuestionBank): TaggedLine {
  // A BM25 guess is no evidence that the line is engineering work.
  if (!line.assessable || line.lowConfidence) return line;
  if (namesOtherPlatform(line.text, platform.id, bank)) return line;
  const tags = line.competencies;
  // General code on this posting is the platform's code: SE.BACKEND becomes the platform.
  const own = tags.find((t) => t.id === platform.id);
  const general = tags.find((t) => t.id === 'SE.BACKEND');
  const engineering = general || tags.some((t) => t.id.startsWith('SE.') && !PLATFORM_NEUTRAL.has(t.id));
  if (!engineering) return line;
  const merged: CompetencyTag = {
    id: platform.id,
    score: Math.max(1, (own?.score ?? 0) + (general?.score ?? 0)),
    evidence: [...(own?.evidence ?? []), ...(general?.evidence ?? [])],
  };
  // The title is the evidence when the line names the platform only through general code, or not at all.
  if (!own) merged.evidence.push(`title:${platform.term}`);
  const rest = tags.filter((t) => t !== own && t !== general);
  const competencies = [...rest, merged].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { ...line, competencies };
}

/**
 * Tags a posting's duty lines: each line as tagLine does, then the client platform the title names
 * (SE.MOBILE for an Android or iOS posting) added to the lines that are engineering work on it.
 * Deterministic: depends only on the title, the lines and the bank.
 */
export function tagPosting(posting: PostingLines, bank: QuestionBank): TaggedLine[] {
  const lines = posting.duties.map((d) => tagLine(d, bank));
  const platform = titlePlatform(posting.title, bank);
  return platform ? lines.map((l) => withPlatform(l, platform, bank)) : lines;
}
