import { formatDay, formatMinutes, formatWhen } from './when';

const at = new Date('2026-12-08T10:00:00Z');

describe('formatWhen', () => {
  it('writes the time in the zone, named, in English', () => {
    expect(formatWhen(at, 'en', 'Asia/Shanghai')).toBe('Tue, 8 Dec 2026, 18:00 (China Standard Time)');
  });

  it('writes the time in the zone, named, in Chinese', () => {
    expect(formatWhen(at, 'zh', 'Asia/Shanghai')).toBe('2026年12月8日 星期二 18:00（中国标准时间）');
  });

  it('uses the given zone, not the machine one', () => {
    expect(formatWhen(at, 'en', 'UTC')).toBe('Tue, 8 Dec 2026, 10:00 (Coordinated Universal Time)');
    expect(formatWhen(at, 'en', 'America/New_York')).toBe('Tue, 8 Dec 2026, 05:00 (Eastern Standard Time)');
  });

  it('writes midnight as 00:00 and the new day', () => {
    expect(formatWhen(new Date('2026-12-08T16:00:00Z'), 'zh', 'Asia/Shanghai')).toBe(
      '2026年12月9日 星期三 00:00（中国标准时间）',
    );
  });

  it('rejects an invalid date or zone', () => {
    expect(() => formatWhen(new Date('nope'), 'en', 'UTC')).toThrow(RangeError);
    expect(() => formatWhen(at, 'en', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatDay', () => {
  it('writes the day only', () => {
    expect(formatDay(at, 'en', 'Asia/Shanghai')).toBe('Tue, 8 Dec 2026');
    expect(formatDay(at, 'zh', 'Asia/Shanghai')).toBe('2026年12月8日 星期二');
  });
});

describe('formatMinutes', () => {
  it('counts minutes in words', () => {
    expect(formatMinutes(1, 'en')).toBe('1 minute');
    expect(formatMinutes(90, 'en')).toBe('90 minutes');
    expect(formatMinutes(90, 'zh')).toBe('90 分钟');
    expect(() => formatMinutes(NaN, 'en')).toThrow(RangeError);
  });
});
