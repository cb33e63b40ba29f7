import { readThroughputQuery, readWindowQuery } from './flow-query.rule';

describe('flow query parameters', () => {
  it('defaults to the last hour of throughput and the last day of funnel and reasons', () => {
    expect(readThroughputQuery({})).toEqual({ ok: true, query: { minutes: 60 } });
    expect(readWindowQuery({}, true)).toEqual({ ok: true, query: { hours: 24 } });
  });

  it('reads a window and a model', () => {
    expect(readThroughputQuery({ minutes: '15' })).toEqual({ ok: true, query: { minutes: 15 } });
    expect(readWindowQuery({ hours: '2', model: 'BONDED_ZONE' }, true)).toEqual({ ok: true, query: { hours: 2, model: 'BONDED_ZONE' } });
  });

  it.each([
    [{ minutes: '0' }, ['minutes']],
    [{ minutes: '1441' }, ['minutes']],
    [{ minutes: '1.5' }, ['minutes']],
    [{ minutes: ['1', '2'] }, ['minutes']],
    [{ minutes: '5', since: 'x' }, ['since']],
  ])('names every bad throughput parameter of %j', (raw, fields) => {
    const read = readThroughputQuery(raw);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors.map((e) => e.field)).toEqual(fields);
  });

  it('names a bad model, and a model where the call takes none', () => {
    const bad = readWindowQuery({ hours: '999', model: 'BY_SEA' }, true);
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(['hours', 'model']);
    const none = readWindowQuery({ model: 'DIRECT_MAIL' }, false);
    expect(!none.ok && none.errors.map((e) => e.field)).toEqual(['model']);
  });
});
