import { failureKind } from './failure-kind';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('failureKind', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a deadlock', withCode('40P01')],
    ['a serialization failure', withCode('40001')],
    ['an administrator shutdown', withCode('57P01')],
    ['too many connections', withCode('53300')],
    ['a connection failure (class 08)', withCode('08006')],
    ['a connection the pool lost', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a database that refuses connections', withCode('55000', 'database "cbec" is not currently accepting connections')],
    ['a broker error', Object.assign(new Error('The group is rebalancing'), { name: 'KafkaJSProtocolError' })],
  ])('retries %s for as long as it takes', (_, error) => {
    expect(failureKind(error)).toBe('transient');
  });

  it.each([
    ['a NUL in a JSON value', withCode('22P05', 'unsupported Unicode escape sequence')],
    ['a bad encoding', withCode('22021', 'invalid byte sequence for encoding "UTF8": 0x00')],
    ['a numeric out of range', withCode('22003')],
    ['a statement PostgreSQL cannot parse', withCode('42601')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'name')")],
    ['a reference to nothing', new ReferenceError('x is not defined')],
  ])('dead-letters %s at once', (_, error) => {
    expect(failureKind(error)).toBe('permanent');
  });

  it.each([
    ['a plain error', new Error('handler bug')],
    ['a unique violation', withCode('23505')],
    ['a string', 'oops'],
    ['nothing', undefined],
  ])('cannot tell %s: a few attempts, then a dead letter', (_, error) => {
    expect(failureKind(error)).toBe('unknown');
  });
});
