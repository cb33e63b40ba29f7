import { chinaTime, fromChinaTime, messageFileName } from './china-time';

describe('chinaTime', () => {
  it.each([
    ['2026-11-11T02:03:04.005Z', 'yyyyMMddHHmmss', '20261111100304'],
    ['2026-11-11T02:03:04.005Z', 'yyyyMMdd', '20261111'],
    ['2026-11-11T02:03:04.005Z', 'yyyyMMddHHmmssSSS', '20261111100304005'],
    ['2026-12-31T15:59:59.999Z', 'yyyyMMddHHmmssSSS', '20261231235959999'],
    ['2026-12-31T16:00:00.000Z', 'yyyyMMdd', '20270101'],
  ] as const)('writes %s as %s: %s', (iso, format, expected) => {
    expect(chinaTime(new Date(iso), format)).toBe(expected);
  });

  it('reads a China time back', () => {
    expect(fromChinaTime('20261111100304005')?.toISOString()).toBe('2026-11-11T02:03:04.005Z');
    expect(fromChinaTime('20261111100304')?.toISOString()).toBe('2026-11-11T02:03:04.000Z');
    expect(fromChinaTime('2026-11-11')).toBeUndefined();
  });
});

it('names a message file by type, copNo and China time to the millisecond', () => {
  expect(messageFileName('CEB621', 'D2026111100000001', new Date('2026-11-11T02:03:04.005Z'))).toBe('CEB621_D2026111100000001_20261111100304005.xml');
});
