// Topics and consumers, from the Kafka admin API through the gateway: every topic with its
// partitions, end offsets and message rate; every consumer group with its state and its lag per
// partition, highlighted while the lag grows.
import { api } from '../api.js';
import { badge, fill, h, number, section, table } from '../dom.js';

const TREND = { GROWING: ['growing ↑', 'failed'], SHRINKING: ['shrinking ↓', 'done'], STEADY: ['steady', 'neutral'] };
/** Groups opened by the user stay open across refreshes. */
const opened = new Set();

export function mount(container) {
  const summary = h('p', { class: 'muted', id: 'cluster-summary' });
  const groupsBody = h('div', { id: 'consumer-groups' });
  const topicsBody = h('div', { id: 'topics' });
  container.append(h('h1', {}, 'Topics and consumers'), summary, section('Consumer groups', groupsBody), section('Topics', topicsBody));

  async function refresh() {
    const { body } = await api('/v1/ops/topics');
    if (!body.brokerAvailable) {
      summary.className = 'error';
      summary.textContent = 'The broker does not answer the gateway.';
      return;
    }
    const totalRate = body.topics.reduce((sum, t) => sum + (t.ratePerSecond ?? 0), 0);
    summary.className = 'muted';
    summary.textContent = `${body.topics.length} topics, ${body.consumerGroups.length} consumer groups · ${totalRate.toFixed(1)} messages/s in all · read ${new Date(body.at).toLocaleTimeString()}`;

    fill(
      groupsBody,
      body.consumerGroups.map((group) => {
        const [trendText, trendKind] = TREND[group.lagTrend] ?? ['–', 'neutral'];
        const lagging = group.partitions.filter((p) => p.lag > 0);
        const details = h(
          'details',
          {
            class: `group ${group.lagTrend === 'GROWING' && group.lag > 0 ? 'growing' : ''}`,
            open: opened.has(group.consumerGroup) || lagging.length > 0,
            dataset: { group: group.consumerGroup, lag: String(group.lag ?? ''), trend: group.lagTrend ?? '' },
            ontoggle: (event) => (event.target.open ? opened.add(group.consumerGroup) : opened.delete(group.consumerGroup)),
          },
          h(
            'summary',
            {},
            h('b', {}, group.consumerGroup),
            ' ',
            group.system ? badge('system', 'service') : badge('other', 'neutral'),
            ' ',
            badge(group.state, group.state === 'Stable' ? 'done' : 'waiting'),
            h('span', { class: 'group-figures' }, `${group.members} member(s) · lag `, h('b', {}, number(group.lag)), ' ', badge(trendText, trendKind)),
          ),
          table(
            ['topic', 'partition', 'committed', 'end', 'lag'],
            group.partitions.filter((p) => p.lag > 0 || p.committed !== null).map((p) => [p.topic, p.partition, p.committed ?? '–', p.end, p.lag > 0 ? h('b', { class: 'lagging' }, number(p.lag)) : '0']),
            { empty: 'no committed offsets yet', rowAttributes: (i) => ({ class: group.partitions.filter((p) => p.lag > 0 || p.committed !== null)[i].lag > 0 ? 'lagging' : '' }) },
          ),
        );
        return details;
      }),
    );

    fill(
      topicsBody,
      table(
        ['topic', 'partitions', 'messages kept', 'end offsets', 'messages/s', 'per partition (low–high, leader)'],
        body.topics.map((t) => [
          h('b', {}, t.topic),
          t.partitions.length,
          number(t.messages),
          number(t.endOffset),
          t.ratePerSecond === null ? '–' : t.ratePerSecond > 0 ? h('b', {}, t.ratePerSecond.toFixed(2)) : '0',
          h('span', { class: 'small' }, t.partitions.map((p) => `p${p.partition}: ${p.low}–${p.high}${p.leader !== null ? ` (b${p.leader})` : ''}`).join(' · ')),
        ]),
        { rowAttributes: (i) => ({ dataset: { topic: body.topics[i].topic } }) },
      ),
    );
  }

  return { refresh };
}
