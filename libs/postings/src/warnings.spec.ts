import { quote } from './warnings';

describe(quote.name, () => {
  it('quotes a short line whole', () => {
    expect(quote('负责支付系统开发。')).toBe('负责支付系统开发。');
  });

  it('cuts a long line to the columns given, counting a CJK character as two, and never inside an emoji', () => {
    const text = `${'支付'.repeat(10)}👩‍💻${'风控'.repeat(10)}`;
    // 20 CJK characters are 40 columns and the emoji, three code points, 3 more; the ellipsis takes one.
    expect(quote(text, 44)).toBe(`${'支付'.repeat(10)}👩‍💻…`);
    expect(quote(text, 43)).toBe(`${'支付'.repeat(10)}…`);
  });
});
