// The Grafana dashboard and the Prometheus configuration of docker-compose.yml cannot run here
// (no Docker); this checks what can be checked without them: every metric a panel queries is one
// the services export, every service is scraped, and the compose file mounts both.
import fs from 'node:fs';
import path from 'node:path';
import { messagingMetrics, metricsRegistry } from '@cbec/messaging';

const ROOT = path.resolve(__dirname, '../..');
const dashboard = JSON.parse(fs.readFileSync(path.join(__dirname, 'dashboards/cbec-clearance.json'), 'utf8'));
const prometheus = fs.readFileSync(path.join(ROOT, 'infra/prometheus/prometheus.yml'), 'utf8');
const compose = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
const { DEFAULT_PORTS } = require(path.join(ROOT, 'scripts/services.js'));

/** The gateway's own gauge (services/gateway/src/outbound/held-events.metric.ts) and Prometheus' `up`. */
const OTHER_METRICS = ['cbec_outbound_held_events', 'up'];

function exported(): string[] {
  messagingMetrics();
  const names = metricsRegistry.getMetricsAsArray().flatMap((metric) => {
    const { name, type } = metric as unknown as { name: string; type: string };
    return type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name];
  });
  return [...names, ...OTHER_METRICS];
}

function queried(): string[] {
  const exprs: string[] = dashboard.panels.flatMap((panel: { targets?: { expr: string }[] }) => (panel.targets ?? []).map((target) => target.expr));
  const functions = new Set(['sum', 'rate', 'increase', 'max', 'topk', 'histogram_quantile', 'by', 'le', 'label_values']);
  return [...new Set(exprs.flatMap((expr) => expr.replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]/g, '').match(/[a-z_][a-z0-9_]*/g) ?? []))].filter((word) => !functions.has(word) && !/^(group|topic|type|schema|consumergroup|partition)$/.test(word));
}

describe('the Grafana dashboard', () => {
  it('queries only metrics the services export', () => {
    const known = exported();
    expect(queried().filter((name) => !known.includes(name))).toEqual([]);
    expect(queried()).toEqual(expect.arrayContaining(['cbec_messages_consumed_total', 'kafka_consumergroup_lag', 'cbec_handler_duration_seconds_bucket', 'cbec_outbox_backlog']));
  });

  it('reads the data source that Grafana is provisioned with', () => {
    const datasource = fs.readFileSync(path.join(__dirname, 'provisioning/datasources/prometheus.yml'), 'utf8');
    const uid = /uid: (\S+)/.exec(datasource)![1];
    for (const panel of dashboard.panels.filter((p: { type: string }) => p.type !== 'row')) expect(panel.datasource.uid).toBe(uid);
  });

  it('has Prometheus scrape every replica of every service on its port, and docker-compose run both with these files', () => {
    for (const [service, port] of Object.entries(DEFAULT_PORTS)) expect(prometheus).toContain(`names: ["${service}"], type: A, port: ${port}`);
    expect(compose).toContain('./infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml');
    expect(compose).toContain('./infra/grafana/dashboards:/var/lib/grafana/dashboards');
    expect(compose).toContain('./infra/grafana/provisioning:/etc/grafana/provisioning');
  });
});
