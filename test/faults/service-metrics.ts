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

/** The lines of each instance that tell of a crash, an unhandled rejection or an exit nobody asked for. */
export function crashLines(alarms: Record<string, string[]>): string[] {
  return Object.entries(alarms).flatMap(([name, lines]) => lines.map((line) => `${name}: ${line.slice(0, 300)}`));
}
