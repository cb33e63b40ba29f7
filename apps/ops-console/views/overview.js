// Overview: counts, the last hour's flow as a chart, the funnel of the steps, rejections and
// refusals by reason, stuck orders (no move for longer than the threshold set here, with what
// customs last said of them) and the newest orders, all refreshed together.
import { api, query } from '../api.js';
import { bars, fill, h, number, orderLink, section, since, statusBadge, table, time } from '../dom.js';
import { isRefusal } from '../single-window-messages.js';
import { throughputChart } from '../throughput-chart.js';

const MODELS = ['DIRECT_MAIL', 'GENERAL_TRADE', 'BONDED_ZONE'];
const UNITS = { seconds: 1000, minutes: 60_000, hours: 3_600_000 };
const settings = { funnelModel: '', stuckValue: 10, stuckUnit: 'minutes' };

export function mount(container) {
  const cards = h('div', { class: 'cards', id: 'overview-cards' });
  const chartPanel = section('Orders per minute, last hour');
  const chart = throughputChart(chartPanel);
  const funnelBody = h('div', { id: 'funnel' });
  const funnelModel = h('select', { 'aria-label': 'model of the funnel', onchange: () => ((settings.funnelModel = funnelModel.value), refresh()) }, h('option', { value: '' }, 'every model'), MODELS.map((m) => h('option', { value: m }, m)));
  funnelModel.value = settings.funnelModel;
  const statusBody = h('div', { id: 'by-status' });
  const modelBody = h('div', { id: 'by-model' });
  const rejections = h('div', { id: 'rejections' });
  const refusals = h('div', { id: 'refusals' });
  const lagBody = h('div', { id: 'lag' });
  const stuckValue = h('input', { id: 'stuck-threshold', type: 'number', min: '0', step: '1', value: String(settings.stuckValue), 'aria-label': 'stuck threshold' });
  const stuckUnit = h('select', { id: 'stuck-unit', 'aria-label': 'unit of the stuck threshold' }, Object.keys(UNITS).map((unit) => h('option', { value: unit }, unit)));
  stuckUnit.value = settings.stuckUnit;
  const onStuck = () => {
    settings.stuckValue = Math.max(0, Number(stuckValue.value) || 0);
    settings.stuckUnit = stuckUnit.value;
    void refresh();
  };
  stuckValue.addEventListener('change', onStuck);
  stuckUnit.addEventListener('change', onStuck);
  const stuckBody = h('div', { id: 'stuck' });
  const recentBody = h('div', { id: 'recent' });

  container.append(
    h('h1', {}, 'Overview'),
    cards,
    h('div', { class: 'grid two' }, chartPanel, section('Funnel of the steps, orders of the last 24 h', h('div', { class: 'panel-tools' }, funnelModel), funnelBody)),
    h('div', { class: 'grid three' }, section('By status', statusBody), section('By model', modelBody), section('Consumer lag', lagBody)),
    h('div', { class: 'grid two' }, section('Rejections by reason, last 24 h', rejections), section('Refusals by reason, last 24 h', refusals)),
    section('Stuck orders', h('div', { class: 'panel-tools' }, h('label', { for: 'stuck-threshold' }, 'no move for at least'), stuckValue, stuckUnit), stuckBody),
    section('Newest orders', recentBody),
  );

  async function refresh() {
    const stuckForMs = settings.stuckValue * UNITS[settings.stuckUnit];
    const [o, t, f, r, stuck, recent] = await Promise.all([
      api('/v1/ops/overview'),
      api('/v1/ops/throughput?minutes=60'),
      api(`/v1/ops/funnel${query({ model: settings.funnelModel })}`),
      api('/v1/ops/reasons'),
      api(`/v1/clearances${query({ stuckForMs, limit: 50 })}`),
      api('/v1/clearances?limit=10'),
    ]);
    const overview = o.body;
    const byStatus = overview.orders.byStatus;
    const inFlight = overview.orders.total - (byStatus.COMPLETED ?? 0) - (byStatus.REJECTED ?? 0) - (byStatus.CANCELLED ?? 0) - (byStatus.RETURNED ?? 0);
    const lags = overview.consumerLag.map((g) => g.lag).filter((lag) => lag !== null);
    fill(
      cards,
      card('orders', overview.orders.total),
      card('in flight', inFlight),
      card('received, last minute', overview.throughput.receivedLastMinute),
      card('completed, last hour', overview.throughput.completedLastHour),
      card('stuck', stuck.body.items.length + (stuck.body.nextCursor ? '+' : ''), stuck.body.items.length ? 'warn' : ''),
      card('dead letters to look at', overview.deadLetters.count, overview.deadLetters.count ? 'warn' : '', '#/dead-letters'),
      card('largest consumer lag', lags.length ? Math.max(...lags) : null, Math.max(0, ...lags) > 0 ? 'warn' : '', '#/topics'),
    );
    chart.update(t.body.series);
    fill(funnelBody, bars(f.body.steps.map((s) => ({ label: s.status, value: s.orders, note: s.optional ? `${Math.round(s.share * 100)}% · optional` : `${Math.round(s.share * 100)}%`, kind: s.optional ? 'optional' : '' })), { max: Math.max(1, f.body.entered), empty: 'no orders in the window' }), h('p', { class: 'muted' }, `${number(f.body.entered)} entered, ${number(f.body.rejected)} rejected`));
    fill(statusBody, bars(Object.entries(byStatus).sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label, value, kind: label === 'REJECTED' ? 'failed' : label === 'COMPLETED' ? 'done' : '' }))));
    fill(modelBody, bars(Object.entries(overview.orders.byModel).map(([label, value]) => ({ label, value }))));
    fill(lagBody, bars(overview.consumerLag.map((g) => ({ label: g.consumerGroup, value: g.lag ?? 0, note: g.lag === null ? 'unknown' : '', kind: g.lag > 0 ? 'warn' : '' })), { max: Math.max(10, ...lags) }));
    fill(rejections, bars(r.body.rejections.map((x) => ({ label: x.reasonCode, value: x.count, kind: 'failed' })), { empty: 'no rejections' }));
    fill(refusals, bars(r.body.refusals.map((x) => ({ label: x.reasonCode, value: x.count, kind: 'warn' })), { empty: 'no refusals' }));
    fill(
      stuckBody,
      table(
        ['order', 'platform', 'model', 'status', 'no move for', 'last move', 'customs said last'],
        stuck.body.items.map((c) => [orderLink(c.platformId, c.orderId), c.platformId, c.clearanceModel ?? '', statusBadge(c.status), since(c.updatedAt), time(c.updatedAt), lastReceipt(c.customs)]),
        { empty: 'nothing stuck', rowAttributes: (i) => ({ dataset: { order: `${stuck.body.items[i].platformId}/${stuck.body.items[i].orderId}` } }) },
      ),
    );
    fill(
      recentBody,
      table(
        ['order', 'platform', 'model', 'status', 'received', 'last move'],
        recent.body.items.map((c) => [orderLink(c.platformId, c.orderId), c.platformId, c.clearanceModel ?? '', statusBadge(c.status), time(c.createdAt), `${since(c.updatedAt)} ago`]),
        { empty: 'no orders yet', rowAttributes: (i) => ({ dataset: { order: `${recent.body.items[i].platformId}/${recent.body.items[i].orderId}` } }) },
      ),
    );
  }

  return { refresh, destroy: () => chart.destroy() };
}

/** A stuck order's last receipt of customs: a refusal by the exchange is why it waits (CONTRACT 8.4). */
function lastReceipt(customs) {
  const last = customs?.lastReceipt;
  if (!last) return '';
  return h('span', { class: isRefusal(last.returnStatus) ? 'error' : '', dataset: { returnStatus: last.returnStatus } }, `${last.messageType} ${last.returnStatus} · ${last.returnInfo}`);
}

function card(label, value, kind = '', href) {
  const body = [h('b', {}, typeof value === 'number' ? number(value) : (value ?? '–')), h('span', {}, label)];
  return href ? h('a', { class: `card ${kind}`, href }, body) : h('div', { class: `card ${kind}` }, body);
}
