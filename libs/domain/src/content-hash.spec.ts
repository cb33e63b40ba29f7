import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { contentHashOf } from './content-hash';

/** The recursive sorted-key JSON the hash has always been of. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

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

  it('is the hash of the sorted-key JSON, as it always was, for any JSON', () => {
    expect(contentHashOf({ b: [1, 'x', { d: null, c: true }], a: 1.5 })).toBe(createHash('sha256').update('{"a":1.5,"b":[1,"x",{"c":true,"d":null}]}').digest('hex'));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => contentHashOf(value) === createHash('sha256').update(sortedJson(value)).digest('hex')),
      { seed: 20261111, numRuns: 300 },
    );
  });

  it('hashes a payload nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = { a: [deep] };
    expect(contentHashOf(deep)).toMatch(/^[0-9a-f]{64}$/);
  });
});
