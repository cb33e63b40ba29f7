import { formatLogLine, logFormatOf } from './log-line';

describe('formatLogLine', () => {
  const record = (fields: Record<string, unknown>) => JSON.stringify({ level: 'info', time: '2026-11-11T00:00:01.234Z', service: 'logistics', ...fields });

  it.each([
    ['a plain record', record({ msg: 'logistics service ready' }), '00:00:01.234 logistics   INFO  logistics service ready'],
    ['an event handled for an order: its subject', record({ msg: 'goods-received refused', subject: 'tmall-global/TG1', reasonCode: 'PICKUP_CODE_MISMATCH' }), '00:00:01.234 logistics   INFO  goods-received refused [tmall-global/TG1]'],
    ['a record with the ids of an order', record({ msg: 'counted', platformId: 'jd-worldwide', orderId: 'JD7' }), '00:00:01.234 logistics   INFO  counted [jd-worldwide/JD7]'],
    ['an error with its message', record({ level: 'error', msg: 'handler failed', err: { type: 'Error', message: 'deadlock detected', stack: '...' } }), '00:00:01.234 logistics   ERROR handler failed - deadlock detected'],
    ['a kafkajs warning with an error string', record({ level: 'warn', msg: 'Response GroupCoordinator', error: 'The group coordinator is not available' }), '00:00:01.234 logistics   WARN  Response GroupCoordinator - The group coordinator is not available'],
    ['pino numeric levels and epoch times', JSON.stringify({ level: 50, time: Date.UTC(2026, 10, 11, 8, 30), msg: 'boom' }), '08:30:00.000 logistics   ERROR boom'],
  ])('shows %s as one readable line', (_, line, expected) => {
    expect(formatLogLine('logistics', line, 'pretty')).toBe(expected);
  });

  it.each([
    ['text that is not JSON', 'Nest application successfully started'],
    ['a JSON value that is not a log record', '[1,2,3]'],
    ['broken JSON', '{"level":"info", "msg":'],
  ])('passes %s through as it is, after the service name', (_, line) => {
    expect(formatLogLine('order', line, 'pretty')).toBe(`order       | ${line}`);
  });

  it('keeps the JSON record as it came with LOG_FORMAT=json', () => {
    const line = record({ msg: 'ready' });
    expect(formatLogLine('gateway', line, 'json')).toBe(`gateway     | ${line}`);
  });
});

describe('logFormatOf', () => {
  it.each([
    [{}, true, 'pretty'],
    [{}, false, 'json'],
    [{}, undefined, 'json'],
    [{ LOG_FORMAT: 'json' }, true, 'json'],
    [{ LOG_FORMAT: 'JSON' }, true, 'json'],
    [{ LOG_FORMAT: 'pretty' }, false, 'pretty'],
    [{ LOG_FORMAT: 'auto' }, true, 'pretty'],
  ] as const)('%o on a terminal %s: %s', (env, isTTY, expected) => {
    expect(logFormatOf(env, isTTY)).toBe(expected);
  });

  it('stops start-up on another value, naming the choices', () => {
    expect(() => logFormatOf({ LOG_FORMAT: 'yaml' }, true)).toThrow('LOG_FORMAT must be json, pretty or auto, got "yaml"');
  });
});
