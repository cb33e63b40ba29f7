import { replayOutcome } from './replay-outcome.rule';

const REPLAYED = '2026-11-11T00:00:00.000Z';
const later = (ms: number) => Date.parse(REPLAYED) + ms;

describe('what became of a replayed dead letter', () => {
  it('is NOT_REPLAYED before anyone replays it', () => {
    expect(replayOutcome({ replayedAt: null, lagOnTopic: 0, now: later(5_000) })).toEqual({ state: 'NOT_REPLAYED' });
  });

  it('is DEAD_LETTERED_AGAIN when a copy came back, with its id and reason, whatever the lag', () => {
    expect(replayOutcome({ replayedAt: REPLAYED, failedAgain: { id: 'd2', reason: 'value is not valid JSON' }, lagOnTopic: 0, now: later(5_000) })).toEqual({ state: 'DEAD_LETTERED_AGAIN', deadLetterId: 'd2', reason: 'value is not valid JSON' });
  });

  it.each([
    ['the group still lags on the topic', 3, 5_000],
    ['the broker cannot say', null, 5_000],
    ['the replay is under a second old', 0, 500],
  ])('is PENDING while %s', (_, lag, ms) => {
    expect(replayOutcome({ replayedAt: REPLAYED, lagOnTopic: lag, now: later(ms) })).toEqual({ state: 'PENDING' });
  });

  it('is PROCESSED once the group has consumed its topic to the end and no copy came back', () => {
    expect(replayOutcome({ replayedAt: REPLAYED, lagOnTopic: 0, now: later(1_000) })).toEqual({ state: 'PROCESSED' });
  });
});
