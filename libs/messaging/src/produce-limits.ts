// How much one produce request may carry. The broker refuses a record batch larger than the
// topic's `max.message.bytes` (which defaults to the broker's `message.max.bytes`), and refuses
// it again on every retry: a relay that sends more than that in one request wedges. So the limits
// are read from the cluster, never assumed, and every send is cut below the smallest of them.
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import type { OutboxMessage } from './outbox-writer';

/**
 * A record's framing beyond its key, value and header bytes (length, attributes, timestamp and
 * offset deltas, key and value lengths, header count, each header's two lengths), rounded up.
 */
const RECORD_OVERHEAD_BYTES = 32;
const HEADER_OVERHEAD_BYTES = 10;
/** A record batch's header (61 bytes) and the request's framing of one partition's batch, rounded up. */
export const BATCH_OVERHEAD_BYTES = 256;

/** What a message weighs in a record batch: an upper bound, so a send cut by it is never refused. */
export function recordBytes(message: Pick<OutboxMessage, 'key' | 'value' | 'headers'>): number {
  let bytes = RECORD_OVERHEAD_BYTES + (message.key === null ? 0 : Buffer.byteLength(message.key)) + message.value.length;
  for (const [name, value] of Object.entries(message.headers)) bytes += HEADER_OVERHEAD_BYTES + Buffer.byteLength(name) + Buffer.byteLength(String(value));
  return bytes;
}

/** Whether a send failed because the broker refused its size (it will refuse the same request again). */
export function refusedForSize(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const current = queue.shift() as { type?: string; cause?: unknown; originalError?: unknown; errors?: unknown[] } | undefined;
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (current.type === 'MESSAGE_TOO_LARGE' || current.type === 'RECORD_LIST_TOO_LARGE') return true;
    queue.push(current.cause, current.originalError, ...(Array.isArray(current.errors) ? current.errors : []));
  }
  return false;
}

/** Each topic's `max.message.bytes` as the cluster says, read when first needed and again after a refusal or a while. */
export class ProduceLimits {
  private readonly bytes = new Map<string, { limit: number; readAt: number }>();

  constructor(
    private readonly admin: Admin,
    private readonly rereadAfterMs = 5 * 60_000,
  ) {}

  /** The limit of each topic, in bytes; throws (to be retried) when the cluster cannot be asked. */
  async of(topics: Iterable<string>): Promise<Map<string, number>> {
    const wanted = [...new Set(topics)];
    const stale = wanted.filter((topic) => {
      const known = this.bytes.get(topic);
      return !known || Date.now() - known.readAt > this.rereadAfterMs;
    });
    if (stale.length > 0) {
      const { resources } = await this.admin.describeConfigs({
        includeSynonyms: false,
        resources: stale.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['max.message.bytes'] })),
      });
      for (const resource of resources) {
        const entry = resource.configEntries.find((e) => e.configName === 'max.message.bytes');
        const limit = Number(entry?.configValue);
        if (!Number.isSafeInteger(limit) || limit <= 0) throw new Error(`topic ${resource.resourceName}: max.message.bytes unreadable (${entry?.configValue ?? 'missing'}; error ${resource.errorCode})`);
        this.bytes.set(resource.resourceName, { limit, readAt: Date.now() });
      }
    }
    return new Map(
      wanted.map((topic) => {
        const known = this.bytes.get(topic);
        if (!known) throw new Error(`topic ${topic}: the cluster did not say its max.message.bytes`);
        return [topic, known.limit];
      }),
    );
  }

  /** After the broker refused a size the limits allowed: a topic's limit may have been lowered. */
  forget(): void {
    this.bytes.clear();
  }
}
