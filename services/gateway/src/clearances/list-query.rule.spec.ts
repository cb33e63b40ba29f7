import { encodeCursor } from './cursor.rule';
import { DEFAULT_LIMIT, parseListQuery, scopeOf } from './list-query.rule';

describe('parseListQuery', () => {
  it('lists 50 of everything by default', () => {
    expect(parseListQuery({})).toEqual({ query: { limit: DEFAULT_LIMIT }, errors: [] });
  });

  it('reads every filter', () => {
    const cursor = encodeCursor({ createdAt: '2026-11-11T00:00:00.000Z', platformId: 'jd-worldwide', orderId: 'JD-9' });
    const { query } = parseListQuery({ status: 'TAX_ASSESSED', model: 'BONDED_ZONE', platformId: 'tmall-global', stuckForMs: '60000', cursor, limit: '200' });
    expect(query).toEqual({
      status: 'TAX_ASSESSED',
      model: 'BONDED_ZONE',
      platformId: 'tmall-global',
      stuckForMs: 60000,
      after: { createdAt: '2026-11-11T00:00:00.000Z', platformId: 'jd-worldwide', orderId: 'JD-9' },
      limit: 200,
    });
  });

  it('reads the start of an order id and a creation window, as UTC times', () => {
    const { query } = parseListQuery({ orderId: 'TG2026', createdFrom: '2026-11-11T08:00:00+08:00', createdTo: '2026-11-12' });
    expect(query).toEqual({ orderId: 'TG2026', createdFrom: '2026-11-11T00:00:00.000Z', createdTo: '2026-11-12T00:00:00.000Z', limit: DEFAULT_LIMIT });
  });

  it('takes stuckForMs=0 as every order not terminal', () => {
    expect(parseListQuery({ stuckForMs: '0' }).query?.stuckForMs).toBe(0);
  });

  it.each([
    ['an unknown status', { status: 'LOST' }, 'status'],
    ['a lower-case status', { status: 'completed' }, 'status'],
    ['an unknown model', { model: 'MODEL_IV' }, 'model'],
    ['a platformId with a slash', { platformId: 'a/b' }, 'platformId'],
    ['a negative stuckForMs', { stuckForMs: '-1' }, 'stuckForMs'],
    ['a fractional stuckForMs', { stuckForMs: '1.5' }, 'stuckForMs'],
    ['a stuckForMs in words', { stuckForMs: 'an hour' }, 'stuckForMs'],
    ['a limit of 0', { limit: '0' }, 'limit'],
    ['a limit above 200', { limit: '201' }, 'limit'],
    ['an empty limit', { limit: '' }, 'limit'],
    ['a cursor it did not give', { cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    ['a parameter given twice', { status: ['COMPLETED', 'REJECTED'] }, 'status'],
    ['an unknown parameter', { staus: 'COMPLETED' }, 'staus'],
    ['an order id with a slash', { orderId: 'TG/1' }, 'orderId'],
    ['a creation time in words', { createdFrom: 'yesterday' }, 'createdFrom'],
    ['an impossible date', { createdTo: '2026-13-45' }, 'createdTo'],
    ['a window that ends before it starts', { createdFrom: '2026-11-12', createdTo: '2026-11-11' }, 'createdTo'],
  ])('refuses %s, naming the field', (_, raw, field) => {
    const { query, errors } = parseListQuery(raw as Record<string, unknown>);
    expect(query).toBeUndefined();
    expect(errors).toEqual([expect.objectContaining({ field })]);
  });

  it('names every bad field at once', () => {
    expect(parseListQuery({ status: 'X', limit: '999' }).errors.map((e) => e.field)).toEqual(['status', 'limit']);
  });
});

describe('scopeOf', () => {
  const ops = { platformId: 'ops', isOps: true };
  const tmall = { platformId: 'tmall-global', isOps: false };

  it.each([
    ['ops lists every platform', ops, {}, {}],
    ['ops lists the platform it asks for', ops, { platformId: 'jd-worldwide' }, { platformId: 'jd-worldwide' }],
    ['a platform lists its own orders', tmall, {}, { platformId: 'tmall-global' }],
    ['a platform may name itself', tmall, { platformId: 'tmall-global' }, { platformId: 'tmall-global' }],
    ['a platform asking for another platform lists nothing', tmall, { platformId: 'jd-worldwide' }, 'nothing'],
  ] as const)('%s', (_, principal, filter, expected) => {
    expect(scopeOf(principal, { limit: 50, ...filter })).toEqual(expected);
  });
});
