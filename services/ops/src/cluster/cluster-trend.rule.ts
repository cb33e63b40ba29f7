// How fast a topic grows and whether a group's lag grows, from samples the topics view keeps of
// its own reads: the value now against a baseline about `windowMs` ago (the newest sample at
// least that old; failing that, the oldest at least a second old). No baseline yet: null.
export interface Sample {
  at: number;
  values: Record<string, number>;
}

export type Trend = 'GROWING' | 'SHRINKING' | 'STEADY';

export const TREND_WINDOW_MS = 10_000;
/** Samples older than this are dropped. */
export const HISTORY_MS = 60_000;
const MIN_SPAN_MS = 1_000;

export function baselineOf(history: Sample[], now: Sample, key: string, windowMs = TREND_WINDOW_MS): Sample | undefined {
  const usable = history.filter((sample) => key in sample.values && now.at - sample.at >= MIN_SPAN_MS);
  const oldEnough = usable.filter((sample) => now.at - sample.at >= windowMs);
  if (oldEnough.length > 0) return oldEnough.reduce((newest, sample) => (sample.at > newest.at ? sample : newest));
  return usable.length > 0 ? usable.reduce((oldest, sample) => (sample.at < oldest.at ? sample : oldest)) : undefined;
}

/** Messages per second appended to a topic (its end offsets summed). */
export function ratePerSecond(history: Sample[], now: Sample, key: string, windowMs = TREND_WINDOW_MS): number | null {
  const baseline = baselineOf(history, now, key, windowMs);
  if (!baseline || !(key in now.values)) return null;
  const rate = ((now.values[key] - baseline.values[key]) * 1000) / (now.at - baseline.at);
  return Math.max(0, Math.round(rate * 100) / 100);
}

export function trendOf(history: Sample[], now: Sample, key: string, windowMs = TREND_WINDOW_MS): Trend | null {
  const baseline = baselineOf(history, now, key, windowMs);
  if (!baseline || !(key in now.values)) return null;
  const change = now.values[key] - baseline.values[key];
  return change > 0 ? 'GROWING' : change < 0 ? 'SHRINKING' : 'STEADY';
}

/** The history with `now` added and what is older than HISTORY_MS dropped. */
export function remember(history: Sample[], now: Sample, horizonMs = HISTORY_MS): Sample[] {
  return [...history.filter((sample) => now.at - sample.at <= horizonMs && sample.at < now.at), now];
}
