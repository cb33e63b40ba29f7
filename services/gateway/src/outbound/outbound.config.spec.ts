import { ConfigError } from '@cbec/service-kit';
import { readOutboundConfig } from './outbound.config';

describe('readOutboundConfig', () => {
  it('holds an early event for an hour by default, checked every minute', () => {
    expect(readOutboundConfig({})).toEqual({ heldEventHorizonMs: 3_600_000, heldEventSweepMs: 60_000 });
  });

  it.each([
    ['a short horizon', '30000', 3_000],
    ['the shortest horizon', '1000', 1_000],
    ['a day', '86400000', 60_000],
  ])('checks %s a tenth as often, between 1 s and a minute', (_, horizon, sweepMs) => {
    expect(readOutboundConfig({ HELD_EVENT_HORIZON_MS: horizon }).heldEventSweepMs).toBe(sweepMs);
  });

  it.each(['999', 'an hour', '-1'])('stops on HELD_EVENT_HORIZON_MS=%s', (value) => {
    expect(() => readOutboundConfig({ HELD_EVENT_HORIZON_MS: value })).toThrow(ConfigError);
  });
});
