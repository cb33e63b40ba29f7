// What a fault test reads from a service's own /metrics: how many events it has handled since it
// started, and how many times it has joined its consumer groups.
export async function metricSum(url: string, metric: string): Promise<number> {
  const response = await fetch(`${url}/metrics`);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`) || line.startsWith(`${metric} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

export const eventsHandled = (url: string) => metricSum(url, 'cbec_messages_consumed_total');
export const groupJoins = (url: string) => metricSum(url, 'cbec_consumer_group_joins_total');

/** Log lines that mean a process failed in a way no fault excuses (a consumer kafkajs stopped and ours restarted is not one). */
export function crashLines(logs: Record<string, string[]>): string[] {
  return Object.entries(logs).flatMap(([name, lines]) => lines.filter((line) => /unhandled rejection|uncaughtException|\[harness\] .* exited \(code (?!0,)/.test(line)).map((line) => `${name}: ${line.slice(0, 300)}`));
}
