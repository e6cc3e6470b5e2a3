import { describe, expect, it } from '@jest/globals';
import { fileNameOf } from './download';
import { formatCoefficient, formatOffset, formatPercent100, formatScore } from './numbers';
import { candidatesParam, rankingQuery, type RankingParams } from './queries';

const params: RankingParams = { sort: 'total', order: 'desc', search: '', page: 3, pageSize: 20 };

describe('rankingQuery', () => {
  it('pages with the API’s limit and offset, and the CSV export of the same filters without them', () => {
    expect(Object.fromEntries(rankingQuery(params))).toEqual({
      sort: 'total',
      order: 'desc',
      limit: '20',
      offset: '40',
    });
    expect(Object.fromEntries(rankingQuery(params, { paged: false }))).toEqual({ sort: 'total', order: 'desc' });
  });

  it('sends the flag filter either way and a trimmed search, and leaves out what is not set', () => {
    const query = rankingQuery({ ...params, sort: 'name', order: 'asc', flagged: false, search: '  李 ', page: 1 });
    expect(query.toString()).toBe(
      `sort=name&order=asc&flagged=false&search=${encodeURIComponent('李')}&limit=20&offset=0`,
    );
    expect(rankingQuery({ ...params, flagged: true }).get('flagged')).toBe('true');
    expect(rankingQuery({ ...params, search: '   ' }).has('search')).toBe(false);
  });
});

describe('candidatesParam', () => {
  it('reads ids once each, in order, without blanks', () => {
    expect(candidatesParam('a, b,,a,c ')).toEqual(['a', 'b', 'c']);
    expect(candidatesParam(null)).toEqual([]);
    expect(candidatesParam('')).toEqual([]);
  });
});

describe('fileNameOf', () => {
  it('takes the server’s file name, the UTF-8 one first, else the fallback', () => {
    expect(fileNameOf('attachment; filename="ranking-1.csv"', 'x.csv')).toBe('ranking-1.csv');
    expect(
      fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''${encodeURIComponent('评分卡.csv')}`, 'x.csv'),
    ).toBe('评分卡.csv');
    expect(fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A`, 'x.csv')).toBe('x.csv');
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
  });
});

describe('scorecard figures', () => {
  it('writes scores with two decimals, coefficients with three, offsets signed, and a dash for none', () => {
    expect(formatScore('en', 3.456)).toBe('3.46');
    expect(formatScore('zh', 4)).toBe('4.00');
    expect(formatScore('en', null)).toBe('—');
    expect(formatPercent100('en', 62.5)).toMatch(/^6[23]%$/);
    expect(formatCoefficient('en', -0.31)).toBe('-0.310');
    expect(formatOffset('en', 0.4)).toBe('+0.40');
    expect(formatOffset('en', -0.25)).toBe('-0.25');
    expect(formatOffset('en', 0)).toBe('0.00');
  });
});
