import { ConfigError } from './config';
import { readConsumerKeySecret } from './consumer-key-secret';

describe('readConsumerKeySecret', () => {
  it('warns at start-up when the dev default is used', () => {
    const warn = jest.fn();
    expect(readConsumerKeySecret({}, { warn })).toBe('dev-only-consumer-key-secret-change-me');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('CONSUMER_KEY_SECRET is the dev default'));
  });

  it('takes the secret of CONSUMER_KEY_SECRET without a warning', () => {
    const warn = jest.fn();
    expect(readConsumerKeySecret({ CONSUMER_KEY_SECRET: 'a-real-secret-of-32-characters!!' }, { warn })).toBe('a-real-secret-of-32-characters!!');
    expect(warn).not.toHaveBeenCalled();
  });

  it('stops start-up on a secret shorter than 16 characters', () => {
    expect(() => readConsumerKeySecret({ CONSUMER_KEY_SECRET: 'too-short' })).toThrow(new ConfigError('CONSUMER_KEY_SECRET must be at least 16 characters, got 9'));
  });
});
