import { storableJson, storableText, TOO_DEEP_TO_KEEP } from './postgres-text';

describe('text PostgreSQL can hold', () => {
  it.each([
    ['a NUL', 'Li\u0000Wei', 'Li\\u0000Wei'],
    ['a high surrogate alone', 'Li\ud800', 'Li\\ud800'],
    ['a low surrogate alone', '\udc00Li', '\\udc00Li'],
    ['a pair of surrogates (an emoji), left as it is', 'Li 😀', 'Li 😀'],
    ['other control characters, left as they are', 'a\tb\nc\u0007', 'a\tb\nc\u0007'],
  ])('writes %s as its JSON escape', (_, text, stored) => {
    expect(storableText(text)).toBe(stored);
  });

  it('escapes strings and keys anywhere in a JSON value, a __proto__ key staying a plain field', () => {
    const value = JSON.parse('{"a\\u0000": ["x\\u0000", {"__proto__": "\\ud800"}], "n": 1, "z": null}');
    const stored = storableJson(value);
    expect(JSON.stringify(stored)).toBe('{"a\\\\u0000":["x\\\\u0000",{"__proto__":"\\\\ud800"}],"n":1,"z":null}');
    expect(Object.getPrototypeOf(stored.a ?? {})).toBe(Object.prototype);
  });

  it('leaves the value it was given unchanged', () => {
    const value = { a: ['x\u0000'] };
    storableJson(value);
    expect(value).toEqual({ a: ['x\u0000'] });
  });

  it('keeps no more than 32 levels, without overflowing the stack on 100,000', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let kept = storableJson(deep) as unknown;
    for (let level = 0; level < 32; level++) kept = (kept as unknown[])[0];
    expect(kept).toBe(TOO_DEEP_TO_KEEP);
  });
});
