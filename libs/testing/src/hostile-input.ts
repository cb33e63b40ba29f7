// Generated hostile input for the property tests (issue 11): values of every class a platform
// might send by mistake or on purpose (wrong types, missing and extra fields, huge strings and
// arrays, deep nesting, prototype keys, unicode tricks and NUL bytes, money as numbers, negative
// and zero quantities, injection strings), mutations of a valid order-placed or request payload,
// and valid orders in all their allowed variety. Unit specs and the e2e fuzz file share them.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { ClearanceModel, OrderPlacedData } from '@cbec/contracts';
import { anOrder } from './builders';

/** The seed of every property run: fixed, so a failure is replayed by running the test again. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261111);

export const INJECTION_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE intake_order; --",
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '../../etc/passwd',
  '%00',
  '\\u0000',
  '{"$gt": ""}',
  '$(reboot)',
  'null',
  'undefined',
  '__proto__',
];

/** Text that is not text (NUL, lone surrogates, controls, bidi overrides) beside text that only looks odd. */
export const UNSTORABLE_STRINGS = ['Li\u0000Wei', '\u0000', 'Li\ud800', 'a\udc00b', 'Li Wei\u0007', 'Li\u001bWei', 'x\u0085', '\u202eieW iL', 'tab\there', 'line\nbreak'];
export const ODD_BUT_TEXT = ['Li\u200bWei', 'ＬｉＷｅｉ', 'e\u0301', '😀', '\ufeffLi Wei', 'Li\u2028Wei', '李伟', ' Li Wei ', 'ا', ''];

export function deeplyNested(depth: number, asArray = false): unknown {
  let value: unknown = asArray ? [] : {};
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** An object whose own key is "__proto__", as JSON.parse makes it. */
export function withPrototypeKey(inner: unknown = { polluted: true }): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  Object.defineProperty(value, '__proto__', { value: inner, enumerable: true, writable: true, configurable: true });
  return value;
}

/** Any value of any hostile class. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...INJECTION_STRINGS, ...UNSTORABLE_STRINGS, ...ODD_BUT_TEXT),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom<unknown>('x'.repeat(2_001), 'Z'.repeat(40_000)),
  fc.constantFrom<unknown>(0, -1, -0.5, 1.5, 199, 199.0, 0.1 + 0.2, 1e21, Number.MAX_SAFE_INTEGER + 2, -199),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom<unknown>([], {}, [null], [[]], [{}], ['199.00']),
  fc.constantFrom<unknown>(deeplyNested(12), deeplyNested(3_000, true), new Array(600).fill('x')),
  fc.constant(withPrototypeKey()),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

/** Names of extra fields: a plain one, prototype keys, keys that are not text. */
export const hostileKey = fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', 'k\u0000', '\ud800', '', 'x'.repeat(3_000), '$where');

export type Mutation = { op: 'set'; path: (string | number)[]; value: unknown } | { op: 'delete'; path: (string | number)[] } | { op: 'extra'; path: (string | number)[]; key: string; value: unknown };

/** Every path into a JSON value (the root excluded). */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  return [];
}

/** One to three changes of a payload: a field set to a hostile value, deleted, or an extra field beside it. */
export function mutationsOf(base: object): fc.Arbitrary<Mutation[]> {
  const paths = pathsOf(base);
  const objects = [[], ...paths.filter((path) => { const at = valueAt(base, path); return at !== null && typeof at === 'object' && !Array.isArray(at); })];
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...paths), value: hostileValue }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...paths) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('extra' as const), path: fc.constantFrom(...objects), key: hostileKey, value: hostileValue }) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

export function applyMutations<T extends object>(base: T, mutations: Mutation[]): T {
  const copy = structuredClone(base);
  for (const mutation of mutations) {
    const parentPath = mutation.op === 'extra' ? mutation.path : mutation.path.slice(0, -1);
    const parent = valueAt(copy, parentPath) as Record<string | number, unknown> | undefined;
    if (parent === null || typeof parent !== 'object') continue;
    if (mutation.op === 'extra') define(parent, mutation.key, mutation.value);
    else if (mutation.op === 'delete') delete parent[mutation.path[mutation.path.length - 1]];
    else define(parent, mutation.path[mutation.path.length - 1], mutation.value);
  }
  return copy;
}

/** The contract's name of a path: `items[0].unitPrice`. */
export function fieldOf(path: (string | number)[]): string {
  return path.reduce<string>((field, part) => (typeof part === 'number' ? `${field}[${part}]` : field ? `${field}.${part}` : part), '');
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((at, part) => (at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[part] : undefined), value);
}

/** Sets a field as JSON.parse would (a "__proto__" key stays a plain field), with its own copy of the value. */
function define(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value: value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value, enumerable: true, writable: true, configurable: true });
}

const HS_CODES = ['3304990099', '1901101000', '2204210000', '8517130000', '6109100000', '4202210000', '9102110000', '4901990000', '0602100000', '3004900000', '9303100000', '8888888888'];
const MODELS: ClearanceModel[] = ['DIRECT_MAIL', 'GENERAL_TRADE', 'BONDED_ZONE'];
const money = (maxCents: number, minCents = 0) => fc.integer({ min: minCents, max: maxCents }).map((cents) => new Decimal(cents).div(100).toFixed(2));
const text = fc.oneof(fc.constantFrom(...ODD_BUT_TEXT.filter((t) => t.trim() !== '')), fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== ''));

/** Valid order-placed data in the variety the contract allows: it must pass intake, and every later step. */
export const acceptableOrder: fc.Arbitrary<OrderPlacedData> = fc
  .record({
    model: fc.constantFrom(...MODELS),
    zone: fc.constantFrom('HANGZHOU', 'ZHENGZHOU'),
    name: text,
    items: fc.array(fc.record({ sku: text, name: text, hsCode: fc.constantFrom(...HS_CODES), quantity: fc.integer({ min: 1, max: 1_000 }), unitPrice: money(2_000_000, 1), weight: fc.option(fc.constantFrom('0.12', '5', '999999.999')) }), { minLength: 1, maxLength: 5 }),
    freight: fc.option(money(50_000)),
    insurance: fc.option(money(5_000)),
    waybill: fc.option(text),
    district: fc.option(text),
    extra: fc.option(fc.dictionary(fc.constantFrom('promotion', 'channel', 'note'), text, { maxKeys: 2 })),
  })
  .map(({ model, zone, name, items, freight, insurance, waybill, district, extra }) => {
    const builder = anOrder().model(model);
    if (model === 'BONDED_ZONE') builder.bonded(zone);
    for (const item of items) builder.withItem({ sku: item.sku, name: item.name, hsCode: item.hsCode, quantity: item.quantity, unitPrice: item.unitPrice, ...(item.weight ? { grossWeightKg: item.weight } : {}) });
    builder.with((order) => {
      order.consumer.name = name;
      order.payment.payerName = name;
      if (items[0].weight === null) delete order.items[0].grossWeightKg;
      if (freight === null) delete order.freight;
      else order.freight = freight;
      if (insurance === null) delete order.insurance;
      else order.insurance = insurance;
      if (waybill !== null) order.logistics.waybillNumber = waybill;
      else if (model === 'DIRECT_MAIL') delete order.logistics.waybillNumber;
      if (district === null) delete order.consumer.address.district;
      else order.consumer.address.district = district;
      if (extra) Object.assign(order, extra);
    });
    return builder.build();
  });
