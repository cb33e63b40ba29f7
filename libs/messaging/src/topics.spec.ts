import { shortfallsOf, topicSettingsFor } from './topics';

describe('topic settings', () => {
  describe('topicSettingsFor', () => {
    it.each([
      ['one broker, nothing configured', {}, 1, { replicationFactor: 1, minInsyncReplicas: 1 }],
      ['two brokers, nothing configured', {}, 2, { replicationFactor: 1, minInsyncReplicas: 1 }],
      ['three brokers, nothing configured', {}, 3, { replicationFactor: 3, minInsyncReplicas: 2 }],
      ['five brokers, nothing configured', {}, 5, { replicationFactor: 3, minInsyncReplicas: 2 }],
      ['three brokers, factor 1 configured', { replicationFactor: 1 }, 3, { replicationFactor: 1, minInsyncReplicas: 1 }],
      ['one broker (still starting), factor 3 configured', { replicationFactor: 3 }, 1, { replicationFactor: 3, minInsyncReplicas: 2 }],
      ['factor 2 configured', { replicationFactor: 2 }, 3, { replicationFactor: 2, minInsyncReplicas: 1 }],
      ['factor 5 and min.insync.replicas 3 configured', { replicationFactor: 5, minInsyncReplicas: 3 }, 5, { replicationFactor: 5, minInsyncReplicas: 3 }],
    ])('%s', (_, layout, brokers, expected) => {
      expect(topicSettingsFor({ partitions: 6, ...layout }, brokers)).toEqual({ partitions: 6, ...expected });
    });

    it('refuses more copies in sync than there are copies: no write could be acknowledged', () => {
      expect(() => topicSettingsFor({ partitions: 6, replicationFactor: 1, minInsyncReplicas: 2 }, 3)).toThrow('min.insync.replicas 2 is more than the replication factor 1');
    });
  });

  describe('shortfallsOf an existing topic, which is never re-created or shrunk', () => {
    const settings = { partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 };
    it.each([
      ['as configured', { partitions: 6, replicas: 3, minInsyncReplicas: 2 }, []],
      ['with more than configured', { partitions: 12, replicas: 5, minInsyncReplicas: 3 }, []],
      ['with one replica (made on one broker)', { partitions: 6, replicas: 1, minInsyncReplicas: 1 }, [
        'topic t has 1 replicas, fewer than the replication factor 3 configured',
        'topic t has min.insync.replicas 1, fewer than the 2 configured',
      ]],
      ['with fewer partitions', { partitions: 3, replicas: 3, minInsyncReplicas: 2 }, ['topic t has 3 partitions, fewer than the 6 configured']],
      ['whose min.insync.replicas the cluster did not say', { partitions: 6, replicas: 3 }, []],
    ])('%s', (_, topic, lines) => {
      expect(shortfallsOf({ topic: 't', ...topic }, settings)).toEqual(lines);
    });
  });
});
