import { decodeCursor, encodeCursor, ListPosition } from './cursor.rule';

describe('the list cursor', () => {
  const position: ListPosition = { createdAt: '2026-11-11T00:00:01.123Z', platformId: 'tmall-global', orderId: 'TG-1' };

  it('gives back the position it was made of', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('is opaque and URL-safe', () => {
    expect(encodeCursor(position)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeCursor(position)).not.toContain('tmall');
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['not base64url', 'a+b/c='],
    ['empty', ''],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['not an array', encode({ createdAt: position.createdAt })],
    ['a wrong length', encode([position.createdAt, 'p'])],
    ['a non-string part', encode([position.createdAt, 'p', 7])],
    ['a time that is not a normalized UTC time', encode(['2026-11-11T08:00:01+08:00', 'p', 'o'])],
    ['no time at all', encode(['yesterday', 'p', 'o'])],
    ['an id with a slash', encode([position.createdAt, 'p/x', 'o'])],
    ['too long', 'A'.repeat(500)],
  ])('refuses a cursor that is %s', (_, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
