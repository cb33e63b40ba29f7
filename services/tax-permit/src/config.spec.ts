import { ConfigError } from '@cbec/service-kit';
import { readTaxPermitConfig } from './config';

describe('readTaxPermitConfig', () => {
  it('gives the tax 72 hours by default', () => {
    expect(readTaxPermitConfig({})).toEqual({ taxDueMs: 259_200_000 });
  });

  it('reads TAX_DUE_MS', () => {
    expect(readTaxPermitConfig({ TAX_DUE_MS: '1500' })).toEqual({ taxDueMs: 1500 });
  });

  it.each(['soon', '-1', '0', '1.5'])('stops start-up on TAX_DUE_MS=%s with one clear line', (value) => {
    expect(() => readTaxPermitConfig({ TAX_DUE_MS: value })).toThrow(new ConfigError(`TAX_DUE_MS must be an integer of at least 1, got "${value}"`));
  });
});
