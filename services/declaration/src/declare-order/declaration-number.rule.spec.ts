import { formatDeclarationNumber } from './declaration-number.rule';

describe('formatDeclarationNumber', () => {
  it.each([
    ['pads the first value to 12 digits', '1', '2026-06-01T12:00:00Z', 'CBEC2026000000000001'],
    ['takes a number from the sequence as well', 4711, '2026-06-01T12:00:00Z', 'CBEC2026000000004711'],
    ['takes a bigint', 123456789012n, '2026-06-01T12:00:00Z', 'CBEC2026123456789012'],
    ['uses the year in China time: 16:00 UTC on 31 December is already the new year', '7', '2026-12-31T16:00:00Z', 'CBEC2027000000000007'],
    ['uses the year in China time: 15:59 UTC on 31 December is still the old year', '7', '2026-12-31T15:59:59Z', 'CBEC2026000000000007'],
  ])('%s', (_, value, at, expected) => {
    expect(formatDeclarationNumber(value, new Date(at))).toBe(expected);
  });

  it.each([
    ['zero', '0'],
    ['a negative value', '-1'],
    ['more than 12 digits', '1000000000000'],
    ['something that is not a number', 'abc'],
  ])('refuses %s', (_, value) => {
    expect(() => formatDeclarationNumber(value, new Date('2026-06-01T00:00:00Z'))).toThrow(RangeError);
  });
});
