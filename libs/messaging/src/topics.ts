// Topics are created by the system at start-up, never by broker auto-creation. Services start
// together and create the same topics at the same moment, so creation is retried until every
// topic exists and each of its partitions has a leader, whoever created it.
import type { Admin } from 'kafkajs';

export async function ensureTopics(admin: Admin, topics: string[], partitions: number, deadlineMs = 60_000): Promise<void> {
  const wanted = [...new Set(topics)];
  const until = Date.now() + deadlineMs;
  let lastError: unknown;
  for (;;) {
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        await admin.createTopics({ waitForLeaders: false, topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })) }).catch((error) => {
          if (!createdElsewhere(error)) throw error;
        });
      }
      if (await allHaveLeaders(admin, wanted)) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) throw new Error(`topics not ready after ${deadlineMs} ms (${wanted.join(', ')}): ${(lastError as Error)?.message ?? 'no leader yet'}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** True when every failure is a topic another process created first. */
function createdElsewhere(error: unknown): boolean {
  const failures = (error as { errors?: { type?: string }[] }).errors;
  if (Array.isArray(failures) && failures.length > 0) return failures.every((failure) => failure.type === 'TOPIC_ALREADY_EXISTS');
  return (error as { type?: string }).type === 'TOPIC_ALREADY_EXISTS';
}

async function allHaveLeaders(admin: Admin, topics: string[]): Promise<boolean> {
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
  return metadata.length === topics.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
}
