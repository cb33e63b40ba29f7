// What the topics view shows, read from the broker with the one long-lived admin client: every
// topic (internal ones left out) with its partitions, leaders and offsets, and every consumer
// group with its state, members and lag per partition. Rates and lag trends come from the
// samples of earlier reads (cluster-trend.rule.ts); reads within a second share one answer.
import { Injectable } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { ClusterAdmin } from './cluster-admin';
import { CONSUMER_GROUPS, ConsumerLag } from './consumer-lag';
import { ratePerSecond, remember, Sample, trendOf } from './cluster-trend.rule';
import type { ClusterViewBody, ConsumerGroupBody, TopicBody } from './cluster-view.dto';

const FRESH_FOR_MS = 1_000;

@Injectable()
export class ClusterView {
  private topicHistory: Sample[] = [];
  private lagHistory: Sample[] = [];
  private latest?: { at: number; view: Promise<ClusterViewBody> };

  constructor(
    private readonly cluster: ClusterAdmin,
    private readonly lag: ConsumerLag,
  ) {}

  read(now = Date.now()): Promise<ClusterViewBody> {
    if (this.latest && now - this.latest.at < FRESH_FOR_MS) return this.latest.view;
    const view = this.readNow(now);
    this.latest = { at: now, view };
    view.catch(() => (this.latest = undefined));
    return view;
  }

  private async readNow(now: number): Promise<ClusterViewBody> {
    const admin = await this.cluster.admin();
    if (!admin) return { at: new Date(now).toISOString(), brokerAvailable: false, topics: [], consumerGroups: [] };
    const [topics, groups] = await Promise.all([readTopics(admin), readGroups(admin)]);
    const lags = await this.lag.ofGroups(groups.map((group) => group.groupId));

    const topicSample: Sample = { at: now, values: Object.fromEntries(topics.map((topic) => [topic.topic, topic.endOffset])) };
    const lagSample: Sample = { at: now, values: Object.fromEntries(lags.filter((group) => group.lag !== null).map((group) => [group.consumerGroup, group.lag!])) };
    const topicBodies: TopicBody[] = topics.map((topic) => ({ ...topic, ratePerSecond: ratePerSecond(this.topicHistory, topicSample, topic.topic) }));
    const groupBodies: ConsumerGroupBody[] = groups.map((group, i) => ({
      consumerGroup: group.groupId,
      system: CONSUMER_GROUPS.includes(group.groupId),
      state: group.state,
      members: group.members,
      lag: lags[i].lag,
      lagTrend: trendOf(this.lagHistory, lagSample, group.groupId),
      partitions: lags[i].partitions,
    }));
    this.topicHistory = remember(this.topicHistory, topicSample);
    this.lagHistory = remember(this.lagHistory, lagSample);
    // The system's groups first, then the others (probes, tools), each by name.
    groupBodies.sort((a, b) => Number(b.system) - Number(a.system) || a.consumerGroup.localeCompare(b.consumerGroup));
    return { at: new Date(now).toISOString(), brokerAvailable: true, topics: topicBodies, consumerGroups: groupBodies };
  }
}

async function readTopics(admin: Admin): Promise<Omit<TopicBody, 'ratePerSecond'>[]> {
  const names = (await admin.listTopics()).filter((name) => !name.startsWith('__')).sort();
  if (names.length === 0) return [];
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names });
  return Promise.all(
    names.map(async (topic) => {
      const offsets = await admin.fetchTopicOffsets(topic);
      const leaders = new Map((metadata.find((m) => m.name === topic)?.partitions ?? []).map((p) => [p.partitionId, p.leader]));
      const partitions = offsets
        .map(({ partition, low, high }) => ({ partition, leader: leaders.get(partition) ?? null, low, high, messages: Math.max(0, Number(high) - Number(low)) }))
        .sort((a, b) => a.partition - b.partition);
      return {
        topic,
        partitions,
        endOffset: partitions.reduce((sum, p) => sum + Number(p.high), 0),
        messages: partitions.reduce((sum, p) => sum + p.messages, 0),
      };
    }),
  );
}

async function readGroups(admin: Admin): Promise<{ groupId: string; state: string; members: number }[]> {
  const { groups } = await admin.listGroups();
  const ids = groups.filter((group) => group.protocolType === 'consumer' || group.protocolType === '').map((group) => group.groupId);
  const known = [...new Set([...CONSUMER_GROUPS, ...ids])];
  const { groups: described } = await admin.describeGroups(known);
  return known.map((groupId) => {
    const group = described.find((d) => d.groupId === groupId);
    return { groupId, state: group?.state ?? 'Unknown', members: group?.members.length ?? 0 };
  });
}
