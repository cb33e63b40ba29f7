import 'reflect-metadata';
import fc from 'fast-check';
import { CancelRequestedData, QuoteRequestData, ReturnReceivedData, ReturnRequestedData } from './after-sale';
import { checkInputLimits, INPUT_LIMITS } from './input-limits';
import { OrderPlacedData } from './order-placed';
import { GoodsReceivedData, ProofSubmittedData, TaxPaidData } from './platform-requests';
import { validatePayload } from './validate';

const SEED = Number(process.env.FUZZ_SEED ?? 20261111);

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('checkInputLimits', () => {
  it.each([
    ['a NUL character', { name: 'Li\u0000Wei' }, 'name', 'U+0000'],
    ['a high surrogate alone', { name: 'Li\ud800' }, 'name', 'U+D800'],
    ['a low surrogate alone', { items: [{ sku: '\udc00' }] }, 'items[0].sku', 'U+DC00'],
    ['a bell character', { note: 'ding\u0007' }, 'note', 'U+0007'],
    ['a line break', { name: 'Li\nWei' }, 'name', 'U+000A'],
    ['a C1 control', { name: 'Li\u0085Wei' }, 'name', 'U+0085'],
    ['a right-to-left override', { name: '\u202eieW iL' }, 'name', 'U+202E'],
    ['a string over the length limit', { name: 'x'.repeat(INPUT_LIMITS.maxStringLength + 1) }, 'name', 'at most'],
    ['an array over the length limit', { items: new Array(INPUT_LIMITS.maxArrayLength + 1).fill(1) }, 'items', 'at most'],
    ['a __proto__ key', JSON.parse('{"consumer": {"__proto__": {"name": "x"}}}'), 'consumer.__proto__', 'not an allowed field name'],
    ['a constructor key', { constructor: 'x' }, 'constructor', 'not an allowed field name'],
    ['a key holding a NUL', { 'k\u0000': 1 }, 'k\\u0000', 'U+0000'],
    ['nesting below the limit', nested(INPUT_LIMITS.maxDepth + 1), 'a.a.a.a.a.a.a.a', 'nested deeper'],
  ])('names the field that holds %s', (_, data, field, message) => {
    const { errors } = checkInputLimits(data);
    expect(errors).toEqual([expect.objectContaining({ field, message: expect.stringContaining(message) })]);
  });

  it.each([
    ['a pair of surrogates (an emoji)', { name: 'Li 😀' }],
    ['CJK, combining marks, full-width letters and a zero-width space', { name: '李伟 é ＬＩ Li\u200bWei' }],
    ['a byte-order mark and a line separator', { name: '\ufeffLi\u2028Wei' }],
    ['injection strings', { name: "'; DROP TABLE intake_order; --", note: '<script>alert(1)</script>' }],
  ])('lets through %s', (_, data) => {
    expect(checkInputLimits(data)).toEqual({ clean: data, errors: [] });
  });

  it('refuses a payload over the size limit as a whole', () => {
    const data = { items: new Array(200).fill('x'.repeat(INPUT_LIMITS.maxStringLength)) };
    expect(checkInputLimits(data).errors).toEqual([expect.objectContaining({ field: 'data', message: expect.stringContaining('bytes') })]);
  });

  it('reads a payload nested 100,000 levels deep without overflowing the stack', () => {
    expect(checkInputLimits(nested(100_000)).errors).toEqual([expect.objectContaining({ message: expect.stringContaining('nested deeper') })]);
  });

  it('leaves prototype keys out of the clean copy', () => {
    const { clean } = checkInputLimits(JSON.parse('{"a": 1, "__proto__": {"polluted": true}}'));
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(clean).toEqual({ a: 1 });
  });
});

const PAYLOADS = { OrderPlacedData, TaxPaidData, ProofSubmittedData, GoodsReceivedData, CancelRequestedData, ReturnRequestedData, ReturnReceivedData, QuoteRequestData };

/** Any JSON, and any key (prototype keys and keys that are not text included). */
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ unit: 'binary', maxLength: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'platformId', 'orderId', 'items', 'documents', 'consumer', 'amount'), fc.string({ unit: 'binary', maxLength: 6 })), tie('value')), { maxLength: 5 }).map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    return object;
  }),
})).value;

describe.each(Object.entries(PAYLOADS))('validatePayload(%s) of any JSON', (_, payload) => {
  it('never throws, and either accepts or names every field it refuses', () => {
    fc.assert(
      fc.property(anyJson, (data) => {
        const { value, errors } = validatePayload(payload as new () => object, data);
        if (value) return errors.length === 0;
        const isObject = data !== null && typeof data === 'object' && !Array.isArray(data);
        return errors.length > 0 && errors.every((error) => (isObject ? typeof error.field === 'string' && error.field.length > 0 : error.message === 'data must be a JSON object'));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('the field errors an answer lists', () => {
  it('lists at most maxFieldErrors however many rules a payload breaks, the last saying how many more, so the rejection stays small enough to travel', () => {
    // 400 items, each breaking several field rules: thousands of errors found.
    const items = Array.from({ length: 400 }, () => ({ sku: 1, name: 2, hsCode: 'x', quantity: -1, unitPrice: 'free', originCountry: 7 }));
    const { errors } = validatePayload(OrderPlacedData, { platformId: 'p', orderId: 'o', items });
    expect(errors).toHaveLength(INPUT_LIMITS.maxFieldErrors);
    expect(errors[errors.length - 1]).toEqual({ field: 'data', message: expect.stringMatching(/^data has \d+ more problems not listed \(\d+ in all\)$/) });
    expect(Buffer.byteLength(JSON.stringify(errors))).toBeLessThan(32 * 1024);
  });

  it('lists every error when there are no more than maxFieldErrors', () => {
    const { errors } = validatePayload(OrderPlacedData, { platformId: 'p', orderId: 'o', items: [{ sku: 1 }] });
    expect(errors.length).toBeGreaterThan(1);
    expect(errors.length).toBeLessThan(INPUT_LIMITS.maxFieldErrors);
    expect(errors.some((e) => /more problems not listed/.test(e.message))).toBe(false);
  });
});
