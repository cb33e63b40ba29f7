import { decodeCursor, encodeCursor, readDeadLetterQuery } from './dead-letter-query.rule';

const ID = '7d1f9a9e-93b4-4bc1-a1d4-0a4b8f5f2c3e';

describe('readDeadLetterQuery', () => {
  it('pages 50 at a time from the newest by default', () => {
    expect(readDeadLetterQuery({})).toEqual({ ok: true, query: { limit: 50 } });
  });

  it('reads a group filter, a page size and the cursor of a previous page', () => {
    const cursor = encodeCursor({ deadAt: '2026-11-11T00:00:00.000Z', id: ID });
    expect(readDeadLetterQuery({ consumerGroup: 'cbec.order', limit: '10', cursor })).toEqual({ ok: true, query: { consumerGroup: 'cbec.order', limit: 10, after: { deadAt: '2026-11-11T00:00:00.000Z', id: ID } } });
  });

  it('reads part of a reason to match, trimmed', () => {
    expect(readDeadLetterQuery({ reason: ' not valid JSON ' })).toEqual({ ok: true, query: { reason: 'not valid JSON', limit: 50 } });
  });

  it.each([
    [{ reason: '  ' }, 'reason'],
    [{ reason: 'x'.repeat(201) }, 'reason'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '201' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ limit: ['1', '2'] }, 'limit'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ cursor: encodeCursor({ deadAt: 'yesterday', id: ID }) }, 'cursor'],
    [{ consumerGroup: '' }, 'consumerGroup'],
  ])('refuses %p, naming %s', (query, field) => {
    expect(readDeadLetterQuery(query)).toEqual({ ok: false, errors: [expect.objectContaining({ field })] });
  });

  it('round-trips a cursor', () => {
    const cursor = { deadAt: '2026-11-11T00:00:00.123Z', id: ID };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
});
