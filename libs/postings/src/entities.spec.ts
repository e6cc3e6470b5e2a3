import { decodeEntities } from './entities';

describe('decodeEntities', () => {
  it('decodes the named and numeric references found in posting HTML', () => {
    expect(decodeEntities('跟踪长短款&nbsp;&amp;&nbsp;挂账')).toBe('跟踪长短款\u00a0&\u00a0挂账');
    expect(['&lt;5%&gt;', 'R&amp;D', '&#x4e2d;&#25991;', '&ldquo;Nihao&rdquo;', 'AT&T'].map(decodeEntities)).toEqual([
      '<5%>',
      'R&D',
      '中文',
      '“Nihao”',
      'AT&T',
    ]);
  });
});
