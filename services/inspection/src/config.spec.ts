import { ConfigError } from '@cbec/service-kit';
import { readInspectionConfig } from './config';

describe('readInspectionConfig', () => {
  it('defaults to no quarantine wait, 72 hours for proof and no sampling', () => {
    expect(readInspectionConfig({})).toEqual({ quarantineDurationMs: 0, proofDueMs: 259_200_000, samplingRate: 0, singleWindowMode: 'off' });
  });

  it('reads the timing and sampling variables', () => {
    expect(readInspectionConfig({ QUARANTINE_DURATION_MS: '1500', PROOF_DUE_MS: '2000', INSPECTION_SAMPLING_RATE: '0.25', SINGLE_WINDOW_MODE: 'folder' })).toEqual({ quarantineDurationMs: 1500, proofDueMs: 2000, samplingRate: 0.25, singleWindowMode: 'folder' });
  });

  it.each([
    [{ QUARANTINE_DURATION_MS: '-1' }, 'QUARANTINE_DURATION_MS'],
    [{ PROOF_DUE_MS: '3 days' }, 'PROOF_DUE_MS'],
    [{ INSPECTION_SAMPLING_RATE: '1.5' }, 'INSPECTION_SAMPLING_RATE'],
    [{ SINGLE_WINDOW_MODE: 'ftp' }, 'SINGLE_WINDOW_MODE'],
  ])('stops start-up on a bad value: %j', (env, name) => {
    expect(() => readInspectionConfig(env)).toThrow(ConfigError);
    expect(() => readInspectionConfig(env)).toThrow(name);
  });
});
