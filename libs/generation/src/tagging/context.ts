// A competency term a duty line only mentions as its setting, not as the skill it asks for:
// "配合数据平台团队" (work with the data-platform team), "backend and frontend engineers" (whom a
// manager leads), "针对交易量波动、营销活动效果等问题开展专题分析" (what an analyst analyses).
// Such a mention names who the work is done with or what it is about; a hiring manager would not
// assess the skill it names. Tuned on the dev split of the labelled postings (see evaluate-tagging.ts).

// People, units and suppliers: what is followed by one of these names whom the work is done with.
const UNIT_ZH = '团队|部门|人员|同事|工程师|专员|条线|小组|提供方|提供商|厂商';
const UNIT_EN =
  'teams?|departments?|officers?|engineers?|agents|staff|colleagues|specialists|analysts|leads|managers|vendors?';
// Heads that turn an enumeration before them into the subject of the work (issues, fields, modules,
// equipment), not the skill: 营销活动效果等问题, 信息安全、运维管理等领域, 支付、账单等核心模块.
// Not 场景 (scenario): "反诈分析、交易风险识别等场景" names the very skill a scenario asks for.
const SUBJECT_ZH = '问题|领域|方面|环节|模块|设施|设备';

// Right after the term, up to the end of its noun phrase: no clause punctuation, and no 的, after
// which a new noun phrase starts (智能客服系统、对话机器人的功能开发).
const ITEM = '[^，；。,;、：:（）()的]';
// 等 may carry a short qualifier before the head: 等核心模块, 等相关问题.
const ETC = '等(核心|主要|相关|重点|各类)?';
const AFTER_ZH = [
  // 数据平台团队, 外包运维人员, 云服务提供方; 风控领域 (the field a line works in, not its skill).
  new RegExp(`^(${ETC})?(${UNIT_ZH}|领域)`),
  // The term is one item of an enumeration closed by 等 (or a second item) and a unit or subject head.
  new RegExp(`^${ITEM}{0,4}(、${ITEM}{1,12}?)*${ETC}(${UNIT_ZH}|${SUBJECT_ZH})`),
  new RegExp(`^${ITEM}{0,4}(、${ITEM}{1,12}?)+(${UNIT_ZH}|${SUBJECT_ZH})`),
];
// "the risk, compliance and payments operations teams", "backend and frontend engineers",
// "customer-service agents": up to three more words of the same noun phrase, then the unit.
const AFTER_EN = new RegExp(`^((,|,? and|,? or)? [a-z][a-z-]*){0,3}? (${UNIT_EN})\\b`);

/** True when the term ending at text[end] names the line's setting (a team, an enumerated subject) rather than its skill. */
export function isContextMention(text: string, end: number): boolean {
  const after = text.slice(end, end + 60);
  return AFTER_ZH.some((re) => re.test(after)) || AFTER_EN.test(after);
}
