import { describe, expect, it } from 'vitest';
import { findDeadlines, resolveDeadline } from './deadlines.js';

// Tuesday 2026-11-24, 10:00 in Shanghai.
const AT = new Date('2026-11-24T02:00:00Z');
const due = (text: string, at = AT, zone = 'Asia/Shanghai'): string | null =>
  resolveDeadline(text, at, zone)?.date ?? null;

describe('resolveDeadline (zh)', () => {
  it.each([
    ['今天给您发出', '2026-11-24'],
    ['今晚之前', '2026-11-24'],
    ['明天给您补发', '2026-11-25'],
    ['明早安排', '2026-11-25'],
    ['后天到', '2026-11-26'],
    ['大后天', '2026-11-27'],
    ['下周一给您回电', '2026-11-30'],
    ['周三', '2026-11-25'],
    ['下周三', '2026-12-02'],
    ['下星期天', '2026-12-06'],
    ['这周五', '2026-11-27'],
    ['周五前', '2026-11-27'],
    ['礼拜天', '2026-11-29'],
    ['月底前', '2026-11-30'],
    ['下个月底', '2026-12-31'],
    ['两小时内', '2026-11-24'],
    ['48小时内退款', '2026-11-26'],
    ['半小时内', '2026-11-24'],
    ['一个半小时', '2026-11-24'],
    ['3天内', '2026-11-27'],
    ['三天之内', '2026-11-27'],
    ['3个工作日', '2026-11-27'],
    ['五个工作日内', '2026-12-01'],
    ['1-3个工作日到账', '2026-11-27'],
    ['一两天', '2026-11-26'],
    ['两三天', '2026-11-27'],
    ['12月5号', '2026-12-05'],
    ['28号前', '2026-11-28'],
    ['20号之前', '2026-12-20'],
    ['下午5点前', '2026-11-24'],
    ['早上8点前', '2026-11-25'],
    ['稍后联系您', '2026-11-24'],
    ['一周内', '2026-12-01'],
    ['这周内', '2026-11-29'],
    ['周末', '2026-11-28'],
    ['下周', '2026-12-06'],
  ])('%s → %s', (text, date) => {
    expect(due(text)).toBe(date);
  });

  it.each(['七天无理由退货', '快一点', '给您退款', '第一个', '一点点', '马上给您退', '小妹这就给您反馈'])(
    'finds no time in %j',
    (text) => {
      expect(due(text)).toBeNull();
    },
  );
});

describe('resolveDeadline (en)', () => {
  it.each([
    ['today', '2026-11-24'],
    ['tonight', '2026-11-24'],
    ['tomorrow morning', '2026-11-25'],
    ['the day after tomorrow', '2026-11-26'],
    ['by Friday', '2026-11-27'],
    ['next Monday', '2026-11-30'],
    ['next Wednesday', '2026-12-02'],
    ['on Wednesday', '2026-11-25'],
    ['within 48 hours', '2026-11-26'],
    ['in 3 business days', '2026-11-27'],
    ['three working days', '2026-11-27'],
    ['end of the week', '2026-11-27'],
    ['by the end of the month', '2026-11-30'],
    ['this weekend', '2026-11-28'],
    ['two to three days', '2026-11-27'],
    ['a couple of days', '2026-11-26'],
    ['in a day or two', '2026-11-26'],
    ['next week', '2026-12-06'],
    // A weekday said with next week is that day of next week (decision 0445), not the week's end.
    ['on Thursday next week', '2026-12-03'],
    ['next week on Monday', '2026-11-30'],
    ['by three pm', '2026-11-24'],
    ['within 24h', '2026-11-25'],
    ['by December 3rd', '2026-12-03'],
    ['by the 15th', '2026-12-15'],
    ['by 5pm', '2026-11-24'],
    ['before 9 am', '2026-11-25'],
    ['right away', '2026-11-24'],
    ['I will send it now', '2026-11-24'],
    ['within twenty-four hours', '2026-11-25'],
    ['in two weeks', '2026-12-08'],
    ["I'll email you the label in the next hour", '2026-11-24'],
    ['you will get it in the next few minutes', '2026-11-24'],
    ['shipping it today by two day shipping', '2026-11-24'],
    ['it goes out tomorrow with 3-5 day delivery', '2026-11-25'],
  ])('%s → %s', (text, date) => {
    expect(due(text)).toBe(date);
  });

  it.each([
    'Now, about the refund',
    'as soon as possible',
    'a 7-day return policy',
    'in a few days',
    'we offer two day shipping',
    'the next hour is busy for us',
  ])('finds no time in %j', (text) => {
    expect(due(text)).toBeNull();
  });
});

describe('time zones and offsets', () => {
  it('resolves in the call zone, not UTC', () => {
    // 02:00Z is still Monday evening in New York.
    expect(due('tomorrow', AT, 'America/New_York')).toBe('2026-11-24');
    expect(due('明天', AT, '+08:00')).toBe('2026-11-25');
    expect(due('明天', AT, '-05:00')).toBe('2026-11-24');
  });

  it('counts hours from the moment the line was said', () => {
    const lateEvening = new Date('2026-11-24T15:30:00Z'); // 23:30 in Shanghai
    expect(due('两小时内', lateEvening)).toBe('2026-11-25');
    expect(due('within 24 hours', lateEvening)).toBe('2026-11-25');
  });

  it('skips weekends for working days', () => {
    const friday = new Date('2026-11-27T02:00:00Z');
    expect(due('1个工作日', friday)).toBe('2026-11-30');
    expect(due('3 business days', friday)).toBe('2026-12-02');
  });
});

describe('findDeadlines', () => {
  it('keeps the longer phrase where two overlap, with spans into the text', () => {
    expect(findDeadlines('下周三之前', AT, 'Asia/Shanghai')).toEqual([{ date: '2026-12-02', start: 0, end: 3 }]);
  });

  it('picks the latest date as the deadline', () => {
    expect(due('今天给您申请，3个工作日内到账')).toBe('2026-11-27');
  });
});

describe('resolveDeadline: evening calls and same-day phrases', () => {
  // Thursday 2026-11-26, 20:10 in Shanghai.
  const EVENING = new Date('2026-11-26T12:10:00Z');
  it.each([
    ['今晚十一点前给您处理好', '2026-11-26'],
    ['今天晚上九点半之前', '2026-11-26'],
    ['十一点前给您回复', '2026-11-26'],
    ['下班之前给您答复', '2026-11-26'],
    ['明早九点前', '2026-11-27'],
  ])('%s → %s', (text, date) => {
    expect(due(text, EVENING)).toBe(date);
  });

  it('an hour already past in the evening is tomorrow (hard negative)', () => {
    expect(due('早上8点前', EVENING)).toBe('2026-11-27');
  });

  it.each([
    ["I'll upload them straight after this call", '2026-11-24'],
    ['I will sort it before I sign off', '2026-11-24'],
    ["you'll have it by the end of my shift", '2026-11-24'],
  ])('%s → %s', (text, date) => {
    expect(due(text)).toBe(date);
  });
});

describe('resolveDeadline: bare clock hours in the afternoon', () => {
  // Tuesday 2026-11-24, 14:00 in Shanghai.
  const AFTERNOON = new Date('2026-11-24T06:00:00Z');
  it('五点前 said after lunch is this afternoon', () => {
    expect(due('五点前给您回复', AFTERNOON)).toBe('2026-11-24');
  });
  it('十点前 said after lunch is tomorrow morning (hard negative)', () => {
    expect(due('十点前给您回复', AFTERNOON)).toBe('2026-11-25');
  });
});
