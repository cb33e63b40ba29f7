import { baselineOf, ratePerSecond, remember, Sample, trendOf } from './cluster-trend.rule';

const at = (seconds: number, values: Record<string, number>): Sample => ({ at: seconds * 1000, values });

describe('cluster trends', () => {
  const history = [at(0, { t: 100, g: 5 }), at(5, { t: 150, g: 5 }), at(12, { t: 220, g: 9 }), at(19, { t: 300, g: 9 })];

  it('takes as baseline the newest sample at least the window old', () => {
    expect(baselineOf(history, at(20, { t: 310 }), 't', 10_000)?.at).toBe(5_000);
  });

  it('falls back to the oldest sample at least a second old when none is a window old', () => {
    expect(baselineOf([at(15, { t: 1 }), at(17, { t: 2 }), at(19.5, { t: 3 })], at(20, { t: 4 }), 't', 10_000)?.at).toBe(15_000);
  });

  it.each([
    ['no history', [] as Sample[], at(1, { t: 10 })],
    ['only a sample under a second old', [at(0.5, { t: 1 })], at(1, { t: 10 })],
    ['a key the history never saw', [at(0, { u: 1 })], at(10, { t: 10 })],
  ])('gives no rate with %s', (_, past, now) => {
    expect(ratePerSecond(past, now, 't')).toBeNull();
    expect(trendOf(past, now, 't')).toBeNull();
  });

  it.each([
    [at(20, { t: 300 }), 10],
    [at(25, { t: 150 }), 0],
    [at(11, { t: 102 }), 0.18],
  ])('counts messages per second since the baseline: %j gives %p', (now, rate) => {
    expect(ratePerSecond([at(0, { t: 100 }), at(5, { t: 150 })], now, 't', 10_000)).toBe(rate);
  });

  it.each([
    [12, 'GROWING'],
    [9, 'STEADY'],
    [2, 'SHRINKING'],
  ])('calls a lag of %p after 9 a window ago %s', (lag, trend) => {
    expect(trendOf(history, at(22, { g: lag }), 'g', 10_000)).toBe(trend);
  });

  it('keeps the last minute of samples, the new one last', () => {
    const kept = remember(history, at(62, { t: 400 }), 60_000);
    expect(kept.map((sample) => sample.at / 1000)).toEqual([5, 12, 19, 62]);
  });
});
