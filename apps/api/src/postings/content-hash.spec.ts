import { postingContentHash } from './content-hash';

const posting = { title: 'Go 后端工程师', duties: ['负责 API 设计：REST/gRPC'], requirements: ['3年以上经验'] };

describe(postingContentHash.name, () => {
  it('finds the same posting again across whitespace, full-width forms and case', () => {
    const same = {
      title: ' ＧＯ后端工程师 ',
      duties: ['负责\tAPI\n设计:REST／gRPC'],
      requirements: ['３年以上 经验'],
    };
    expect(postingContentHash(same)).toBe(postingContentHash(posting));
  });

  it('tells postings apart when a duty, a requirement or the title differs, or a line moves between kinds', () => {
    const base = postingContentHash(posting);
    expect(postingContentHash({ ...posting, title: 'Java 后端工程师' })).not.toBe(base);
    expect(postingContentHash({ ...posting, duties: [...posting.duties, '写文档'] })).not.toBe(base);
    expect(postingContentHash({ ...posting, requirements: ['5年以上经验'] })).not.toBe(base);
    expect(
      postingContentHash({
        title: posting.title,
        duties: [],
        requirements: [...posting.duties, ...posting.requirements],
      }),
    ).not.toBe(base);
  });
});
