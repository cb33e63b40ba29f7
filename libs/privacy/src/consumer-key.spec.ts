import { consumerKeyOf, consumerKeySecretOf, DEV_CONSUMER_KEY_SECRET } from './consumer-key';

describe('consumerKeyOf', () => {
  const secret = 'a-secret-of-sixteen+';

  it('is the same key for the same ID number, whatever the case of its check character', () => {
    expect(consumerKeyOf('11010519491231002X', secret)).toBe(consumerKeyOf('11010519491231002x', secret));
    expect(consumerKeyOf('11010519491231002X', secret)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs between ID numbers and between secrets, and never contains the ID number', () => {
    const key = consumerKeyOf('11010519491231002X', secret);
    expect(key).not.toBe(consumerKeyOf('330106199003071236', secret));
    expect(key).not.toBe(consumerKeyOf('11010519491231002X', 'another-secret-16'));
    expect(key).not.toContain('11010519491231002');
  });
});

describe('consumerKeySecretOf', () => {
  it('falls back to the dev default, and says so', () => {
    expect(consumerKeySecretOf({})).toEqual({ secret: DEV_CONSUMER_KEY_SECRET, isDevDefault: true });
    expect(consumerKeySecretOf({ CONSUMER_KEY_SECRET: '' })).toEqual({ secret: DEV_CONSUMER_KEY_SECRET, isDevDefault: true });
  });

  it('takes a secret of at least 16 characters', () => {
    expect(consumerKeySecretOf({ CONSUMER_KEY_SECRET: 'sixteen-chars-ok' })).toEqual({ secret: 'sixteen-chars-ok', isDevDefault: false });
  });

  it('names the problem of a shorter one', () => {
    expect(consumerKeySecretOf({ CONSUMER_KEY_SECRET: 'short' }).problem).toBe('CONSUMER_KEY_SECRET must be at least 16 characters, got 5');
  });
});
