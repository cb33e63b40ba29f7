import { ConfigError } from '@cbec/service-kit';
import { ApiKeys } from './api-keys';

describe('ApiKeys', () => {
  const keys = ApiKeys.parse('ops:ops-secret-1, tmall-global:tmall-secret-1,jd-worldwide:jd-secret-1');

  it.each([
    ['ops-secret-1', { platformId: 'ops', isOps: true }],
    ['tmall-secret-1', { platformId: 'tmall-global', isOps: false }],
    ['jd-secret-1', { platformId: 'jd-worldwide', isOps: false }],
  ])('knows the key %s', (key, principal) => {
    expect(keys.authenticate(key)).toEqual(principal);
  });

  it.each([[''], ['tmall-secret-2'], ['TMALL-SECRET-1'], ['tmall-secret-1 ']])('refuses %p', (key) => {
    expect(keys.authenticate(key)).toBeUndefined();
  });

  it.each([[''], ['no-colon-here'], [':key-without-platform'], ['tmall:short']])('stops start-up on a bad GATEWAY_API_KEYS %p', (raw) => {
    expect(() => ApiKeys.parse(raw)).toThrow(ConfigError);
  });
});
