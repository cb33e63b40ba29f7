// Topics are created by the system at start-up, never by broker auto-creation. Services start
// together and create the same topics at the same moment, so creation is retried until every
// topic exists and each of its partitions has a leader, whoever created it. A topic that exists
// already is never re-created or shrunk: one laid out with fewer partitions, replicas or in-sync
// replicas than configured is named in a warning, for an operator to fix with the cluster's tools.
import { type Admin, ConfigResourceTypes } from 'kafkajs';
import type { Logger } from './logger';

/** How topics are laid out on the cluster, as configured; what is not set follows the cluster's size. */
export interface TopicLayout {
  partitions: number;
  /** Copies of each partition (KAFKA_REPLICATION_FACTOR); unset: 3 on a cluster of at least 3 brokers, else 1. */
  replicationFactor?: number;
  /** Copies that must have a write before it is acknowledged (KAFKA_MIN_INSYNC_REPLICAS); unset: 2 when the factor is 3 or more, else 1. */
  minInsyncReplicas?: number;
}

export type TopicSettings = Required<TopicLayout>;

/** What one existing topic is, as the cluster reports it. */
export interface ExistingTopic {
  topic: string;
  partitions: number;
  /** The fewest replicas any of its partitions has. */
  replicas: number;
  minInsyncReplicas?: number;
}

/**
 * The settings topics are created with on a cluster of `brokers` brokers. With three copies and
 * two in sync, a write is acknowledged once it is on two brokers, and one broker can be lost
 * without losing an acknowledged event or stopping producers; with two down, producers wait.
 */
export function topicSettingsFor(layout: TopicLayout, brokers: number): TopicSettings {
  const replicationFactor = layout.replicationFactor ?? (brokers >= 3 ? 3 : 1);
  const minInsyncReplicas = layout.minInsyncReplicas ?? (replicationFactor >= 3 ? 2 : 1);
  if (minInsyncReplicas > replicationFactor) throw new Error(`min.insync.replicas ${minInsyncReplicas} is more than the replication factor ${replicationFactor}: no write could ever be acknowledged`);
  return { partitions: layout.partitions, replicationFactor, minInsyncReplicas };
}

/** One line per way an existing topic falls short of the settings, naming the topic. */
export function shortfallsOf(topic: ExistingTopic, settings: TopicSettings): string[] {
  const lines: string[] = [];
  if (topic.partitions < settings.partitions) lines.push(`topic ${topic.topic} has ${topic.partitions} partitions, fewer than the ${settings.partitions} configured`);
  if (topic.replicas < settings.replicationFactor) lines.push(`topic ${topic.topic} has ${topic.replicas} replicas, fewer than the replication factor ${settings.replicationFactor} configured`);
  if (topic.minInsyncReplicas !== undefined && topic.minInsyncReplicas < settings.minInsyncReplicas) {
    lines.push(`topic ${topic.topic} has min.insync.replicas ${topic.minInsyncReplicas}, fewer than the ${settings.minInsyncReplicas} configured`);
  }
  return lines;
}

export async function ensureTopics(admin: Admin, topics: string[], layout: TopicLayout, log?: Logger, deadlineMs = 60_000): Promise<TopicSettings> {
  const wanted = [...new Set(topics)];
  const until = Date.now() + deadlineMs;
  let lastError: unknown;
  for (;;) {
    try {
      const settings = topicSettingsFor(layout, (await admin.describeCluster()).brokers.length);
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        const configEntries = [{ name: 'min.insync.replicas', value: String(settings.minInsyncReplicas) }];
        const created = missing.map((topic) => ({ topic, numPartitions: settings.partitions, replicationFactor: settings.replicationFactor, configEntries }));
        await admin.createTopics({ waitForLeaders: false, topics: created }).catch((error) => {
          if (!createdElsewhere(error)) throw error;
        });
      }
      if (await allHaveLeaders(admin, wanted)) {
        // Every topic, not only those listed as existing: a broker that has not yet learnt of a
        // topic just created elsewhere lists it as missing, and our create finds it exists.
        // The ones created here have the settings, so they warn of nothing.
        for (const line of (await describeTopics(admin, wanted)).flatMap((topic) => shortfallsOf(topic, settings))) log?.warn({ settings }, `${line}; it is used as it is (raise it with the cluster's tools)`);
        return settings;
      }
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

/** Partitions, replicas and min.insync.replicas of topics that exist. */
export async function describeTopics(admin: Admin, topics: string[]): Promise<ExistingTopic[]> {
  if (topics.length === 0) return [];
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['min.insync.replicas'] })),
  });
  const minInsync = new Map(resources.map((r) => [r.resourceName, r.configEntries.find((e) => e.configName === 'min.insync.replicas')?.configValue]));
  return metadata.map((t) => ({
    topic: t.name,
    partitions: t.partitions.length,
    replicas: Math.min(...t.partitions.map((p) => p.replicas.length)),
    minInsyncReplicas: minInsync.get(t.name) === undefined ? undefined : Number(minInsync.get(t.name)),
  }));
}
