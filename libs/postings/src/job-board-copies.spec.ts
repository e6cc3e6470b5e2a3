import { parsePostingsDocument } from './index';

/*
 * Postings as HR pastes them from job boards and career pages (BOSS直聘, 51job, 104, JobsDB,
 * LinkedIn, Indeed, Word): the shapes a review of the parser found it misreading, each cut down to
 * what matters.
 */
const parse = (content: string, filename?: string) => parsePostingsDocument({ content, filename });
const summary = (content: string, filename?: string) => {
  const doc = parse(content, filename);
  return {
    postings: doc.postings.map(({ title, duties, requirements, groups }) => ({
      title,
      duties,
      requirements,
      ...(groups ? { groups: groups.map((g) => `${g.kind}:${g.label}:${g.start}+${g.count}`) } : {}),
    })),
    warnings: doc.warnings.map((w) => w.code),
  };
};

describe(`${parsePostingsDocument.name} on job-board copies`, () => {
  it('takes the first line as the title, not the salary line a job board prints under it', () => {
    expect(
      summary('Operations Analyst\n$60,000 a year - Full-time\nResponsibilities:\n- Reconcile settlement files\n'),
    ).toEqual({
      postings: [{ title: 'Operations Analyst', duties: ['Reconcile settlement files'], requirements: [] }],
      warnings: ['intro-skipped'],
    });
  });

  it('keeps a title that has a separator in it, as LinkedIn titles do', () => {
    expect(summary('Software Engineer | Payments\nResponsibilities\n- Build the ledger.\n').postings).toEqual([
      { title: 'Software Engineer | Payments', duties: ['Build the ledger.'], requirements: [] },
    ]);
  });

  it('keeps a BOSS直聘 posting whole: the salary is introduction, the 职位描述 tags give way to 岗位职责', () => {
    const doc = summary(
      '高级Java开发工程师\n25-40K·14薪\n职位描述\nJava 微服务\n岗位职责：\n1、负责交易系统开发；\n任职要求：\n1、3年以上Java经验；\n',
    );
    expect(doc).toEqual({
      postings: [{ title: '高级Java开发工程师', duties: ['负责交易系统开发；'], requirements: ['3年以上Java经验；'] }],
      warnings: ['intro-skipped', 'description-skipped'],
    });
  });

  it('reads `1.3年以上Java开发经验` as item 1 when item 2 follows, and never as a sub-heading', () => {
    const doc = summary(
      '后端开发工程师\n岗位职责：\n1.负责订单系统开发\n任职要求：\n1.3年以上Java开发经验\n2.熟悉Spring Cloud\n',
    );
    expect(doc.postings[0].requirements).toEqual(['3年以上Java开发经验', '熟悉Spring Cloud']);
    expect(doc.postings[0].groups).toBeUndefined();
    const table = summary(
      '岗位\t工作职责\t任职要求\n后端开发\t1.负责订单系统开发\t1.3年以上Java开发经验；2.熟悉Spring Cloud\n',
      'a.tsv',
    );
    expect(table.postings[0].requirements).toEqual(['3年以上Java开发经验；', '熟悉Spring Cloud']);
  });

  it('recognises the Hong Kong 要求： and the Taiwanese 條件要求 requirement headings', () => {
    expect(
      summary('程式編寫員\n職責：\n- 負責開發及維護內部系統\n要求：\n- 大學學位或以上\n- 最少兩年相關經驗\n').postings,
    ).toEqual([
      { title: '程式編寫員', duties: ['負責開發及維護內部系統'], requirements: ['大學學位或以上', '最少兩年相關經驗'] },
    ]);
    const html =
      '<h2>資料科學家</h2><h3>工作內容</h3><ol><li>建立推薦模型</li></ol><h3>條件要求</h3><ul><li>碩士以上</li></ul>';
    expect(summary(html, 'a.html').postings).toEqual([
      { title: '資料科學家', duties: ['建立推薦模型'], requirements: ['碩士以上'] },
    ]);
  });

  it('reads titles numbered as in a 招聘公告 notice, 一、 and 二、, as two postings', () => {
    const doc = summary(
      '一、Java开发工程师\n岗位职责：\n1、负责后端开发；\n任职要求：\n1、3年以上经验。\n二、测试工程师\n岗位职责：\n1、编写测试用例；\n任职要求：\n1、熟悉自动化测试。\n',
    );
    expect(doc).toEqual({
      postings: [
        { title: 'Java开发工程师', duties: ['负责后端开发；'], requirements: ['3年以上经验。'] },
        { title: '测试工程师', duties: ['编写测试用例；'], requirements: ['熟悉自动化测试。'] },
      ],
      warnings: [],
    });
  });

  it('reports how-to-apply lines and fields it does not store instead of making them requirements', () => {
    const hk = summary(
      'Analyst Programmer\nResponsibilities:\n• Develop banking applications\nRequirements:\n• Degree in Computer Science\nInterested parties please send full resume to hr@example.com.hk.\n',
    );
    expect(hk.postings[0].requirements).toEqual(['Degree in Computer Science']);
    expect(hk.warnings).toEqual(['line-not-placed']);
    const cn = summary('前端开发工程师\n岗位职责：\n1、负责Web前端开发；\n任职要求：\n1、熟悉React；\n薪资：15-25K\n');
    expect(cn.postings[0].requirements).toEqual(['熟悉React；']);
    expect(cn.warnings).toEqual(['line-not-placed']);
  });

  it('ends a `包括：` sub-heading at the next item of its own numbering', () => {
    const doc = summary(
      '风控开发工程师\n岗位职责：\n1、负责风控系统开发，包括：\n（1）规则引擎\n（2）名单系统\n2、负责系统日常运维；\n任职要求：\n1、3年以上Java经验；\n',
    );
    expect(doc.postings[0]).toMatchObject({
      duties: ['规则引擎', '名单系统', '负责系统日常运维；'],
      groups: ['duty:负责风控系统开发，包括：:0+2'],
    });
  });

  it('drops the list glyphs Word draws itself and the bullets typed into paragraphs', () => {
    const word =
      "<p><b>Responsibilities</b></p><p>• Monitor AML alerts</p><p><b>Requirements</b></p><p class=MsoListParagraph><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>Bachelor's degree</p><p><![if !supportLists]><span style='font-family:Wingdings'>l<span>&nbsp; </span></span><![endif]>3 years AML</p>";
    expect(summary(word, 'a.html').postings[0]).toMatchObject({
      duties: ['Monitor AML alerts'],
      requirements: ["Bachelor's degree", '3 years AML'],
    });
    expect(
      summary('AML Analyst\nRequirements\n\uf0b7 Degree\nResponsibilities\n\uf0b7 Review alerts\n').postings[0].duties,
    ).toEqual(['Review alerts']);
  });

  it('recognises headings dressed with emoji or carrying their translation', () => {
    expect(
      summary(
        "# Growth Engineer\n\n## 🚀 What you'll do\n- Run A/B experiments\n\n## 🙌 What we're looking for\n- 3+ years full-stack\n",
        'a.md',
      ).postings,
    ).toEqual([{ title: 'Growth Engineer', duties: ['Run A/B experiments'], requirements: ['3+ years full-stack'] }]);
    expect(
      summary(
        '支付产品经理\n🔥岗位职责（Responsibilities）：\n1、负责收银台产品；\nJob Requirements 任職要求:\n1、三年经验；\n',
      ).postings,
    ).toEqual([{ title: '支付产品经理', duties: ['负责收银台产品；'], requirements: ['三年经验；'] }]);
  });

  it('reads requirements listed before the duties as the same posting', () => {
    expect(summary('运营经理\n任职要求：\n1、3年以上运营经验；\n岗位职责：\n1、负责用户增长；\n')).toEqual({
      postings: [{ title: '运营经理', duties: ['负责用户增长；'], requirements: ['3年以上运营经验；'] }],
      warnings: [],
    });
  });

  it('splits a whole posting pasted on one line at its second heading', () => {
    expect(summary('支付工程师\n岗位职责：1.负责A；2.负责B；3.负责C。任职要求：1.本科；2.三年经验。').postings).toEqual(
      [{ title: '支付工程师', duties: ['负责A；', '负责B；', '负责C。'], requirements: ['本科；', '三年经验。'] }],
    );
  });

  it('reads nested Markdown bullets as sub-headings over their items', () => {
    const doc = summary(
      '# Engineer\n## Responsibilities\n- Backend\n  - Build REST APIs\n  - Own the ledger\n- Infrastructure\n  - Manage Kubernetes\n## Requirements\n- Go\n',
      'a.md',
    );
    expect(doc.postings[0]).toMatchObject({
      duties: ['Build REST APIs', 'Own the ledger', 'Manage Kubernetes'],
      groups: ['duty:Backend:0+2', 'duty:Infrastructure:2+1'],
    });
  });

  it('rejoins an item a PDF copy wrapped mid-sentence, in Chinese and in English', () => {
    expect(
      summary(
        '支付系统架构师\n岗位职责：\n1. 负责支付系统的整体架构设计，保障系统\n高可用、高性能；\n2. 主导技术选型。\n',
      ).postings[0].duties,
    ).toEqual(['负责支付系统的整体架构设计，保障系统高可用、高性能；', '主导技术选型。']);
    expect(
      summary(
        'Data Engineer\nResponsibilities:\n- Build streaming pipelines including\nKafka, Redis and Flink jobs.\n- Own data quality.\n',
      ).postings[0].duties,
    ).toEqual(['Build streaming pipelines including Kafka, Redis and Flink jobs.', 'Own data quality.']);
  });

  it('says a general description gave way to the duty list, rather than calling it another section', () => {
    const doc = parse(
      'Risk Analyst\nJob Description\nWe are looking for a Risk Analyst to join our team.\nResponsibilities\n- Monitor transactions\nRequirements\n- 2 years in fraud analytics\n',
    );
    expect(doc.postings[0].duties).toEqual(['Monitor transactions']);
    expect(doc.warnings).toEqual([
      expect.objectContaining({
        code: 'description-skipped',
        line: 2,
        params: { section: 'Job Description', count: 1, duties: 'Responsibilities' },
      }),
    ]);
  });
});
