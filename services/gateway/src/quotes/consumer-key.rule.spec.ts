import { consumerKeyOf } from './consumer-key.rule';

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
