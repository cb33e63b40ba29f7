import { contentHashOf } from './content-hash';

describe('contentHashOf', () => {
  it('is the same whatever the key order', () => {
    expect(contentHashOf({ a: 1, b: { c: 2, d: [3, { e: 4, f: 5 }] } })).toBe(contentHashOf({ b: { d: [3, { f: 5, e: 4 }], c: 2 }, a: 1 }));
  });

  it.each([
    [{ a: 1 }, { a: 2 }],
    [{ a: '1' }, { a: 1 }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: null }, { a: 'null' }],
  ])('differs when the content differs: %p vs %p', (left, right) => {
    expect(contentHashOf(left)).not.toBe(contentHashOf(right));
  });

  it('ignores undefined fields, as JSON does', () => {
    expect(contentHashOf({ a: 1, b: undefined })).toBe(contentHashOf({ a: 1 }));
  });
});
