// What became of a replayed dead letter, as ops see it: dead-lettered again by its group (a copy
// with the same key and payload dead since the replay), processed (its group has consumed its
// topic to the end since the replay, and no copy came back), or still pending.
export type ReplayState = 'NOT_REPLAYED' | 'PENDING' | 'PROCESSED' | 'DEAD_LETTERED_AGAIN';

export interface ReplayOutcome {
  state: ReplayState;
  /** For DEAD_LETTERED_AGAIN: the new dead letter and its reason. */
  deadLetterId?: string;
  reason?: string;
}

/** The group's answer is recorded when the message is already back on its topic; a second more lets the group's offsets be committed. */
export const SETTLE_MS = 1_000;

export function replayOutcome(input: {
  replayedAt: string | null;
  failedAgain?: { id: string; reason: string };
  /** The group's lag on the letter's topic now; null when the broker could not say. */
  lagOnTopic: number | null;
  now: number;
}): ReplayOutcome {
  if (!input.replayedAt) return { state: 'NOT_REPLAYED' };
  if (input.failedAgain) return { state: 'DEAD_LETTERED_AGAIN', deadLetterId: input.failedAgain.id, reason: input.failedAgain.reason };
  if (input.lagOnTopic === 0 && input.now - Date.parse(input.replayedAt) >= SETTLE_MS) return { state: 'PROCESSED' };
  return { state: 'PENDING' };
}
