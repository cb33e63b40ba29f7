import { permitNumberOf } from './permit-number.rule';

describe('permitNumberOf', () => {
  it.each([
    ['pads the sequence to 8 digits', '2026-11-11T08:00:00Z', 42, 'IP202600000042'],
    ['keeps a sequence longer than 8 digits whole', '2026-11-11T08:00:00Z', 123456789, 'IP2026123456789'],
    ['takes the year in China time: New Year has come in Beijing', '2026-12-31T16:00:00Z', 1, 'IP202700000001'],
    ['takes the year in China time: not yet New Year in Beijing', '2026-12-31T15:59:59Z', 1, 'IP202600000001'],
  ])('%s', (_, issuedAt, sequence, expected) => {
    expect(permitNumberOf(new Date(issuedAt), sequence)).toBe(expected);
  });

  it.each([0, -1, 1.5])('refuses a sequence of %s', (sequence) => {
    expect(() => permitNumberOf(new Date(), sequence)).toThrow(RangeError);
  });
});
