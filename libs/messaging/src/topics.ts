// Topics are created by the system at start-up, never by broker auto-creation.
import type { Admin } from 'kafkajs';

export async function ensureTopics(admin: Admin, topics: string[], partitions: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })) });
  } catch (error) {
    // Another service may have created the same topic a moment ago.
    if (!/already exists/i.test(String((error as Error)?.message)) && (error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  }
}
