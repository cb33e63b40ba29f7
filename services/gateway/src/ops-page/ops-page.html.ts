// The ops page: one static HTML page, inline CSS and JS, no build step. It asks for the ops key
// (kept in the tab's sessionStorage) and sends it with its own calls to the /v1 API. Every value
// from the API is put in the page as text (dead-letter payloads are anyone's bytes).
export const OPS_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cbec clearance: ops</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0 2rem 2rem; color: #1d2430; }
  header { display: flex; gap: 1rem; align-items: center; border-bottom: 1px solid #d6dbe3; padding: .8rem 0; }
  header h1 { font-size: 1.1rem; margin: 0 auto 0 0; }
  section { margin-top: 1.5rem; }
  h2 { font-size: 1rem; margin: 0 0 .5rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eceff3; vertical-align: top; }
  th { background: #f5f7fa; font-weight: 600; }
  .cards { display: flex; flex-wrap: wrap; gap: .8rem; }
  .card { border: 1px solid #d6dbe3; border-radius: 6px; padding: .5rem .8rem; min-width: 9rem; }
  .card b { display: block; font-size: 1.3rem; }
  .payload { font-family: ui-monospace, monospace; font-size: 12px; max-width: 40rem; overflow-wrap: anywhere; }
  .error { color: #b3261e; }
  .muted { color: #6b7585; }
  button { cursor: pointer; }
</style>
</head>
<body>
<header>
  <h1>cbec clearance: ops</h1>
  <form id="key-form"><input id="key" type="password" placeholder="ops key" autocomplete="off" size="24"> <button>Use key</button></form>
  <button id="refresh">Refresh</button>
  <span id="status" class="muted"></span>
</header>

<section><h2>Overview</h2><div id="cards" class="cards"></div></section>
<section><h2>By status and model</h2><div class="cards"><table id="by-status"></table><table id="by-model"></table></div></section>
<section><h2>Consumer lag</h2><table id="lag"></table></section>
<section>
  <h2>Stuck orders</h2>
  <label>not updated for <input id="stuck-minutes" type="number" min="0" value="10" style="width:5rem"> minutes</label>
  <table id="stuck"></table>
</section>
<section><h2>Dead letters</h2><table id="dead-letters"></table></section>
<section><h2>Tariff table</h2><table id="tariffs"></table></section>

<script>
(function () {
  const $ = (id) => document.getElementById(id);
  let key = sessionStorage.getItem('cbec-ops-key') || '';

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.assign(node, attrs || {});
    return node;
  }

  function table(target, headings, rows) {
    target.replaceChildren();
    const head = el('tr');
    headings.forEach((h) => head.append(el('th', h)));
    target.append(head);
    if (rows.length === 0) { const tr = el('tr'); tr.append(el('td', 'none', { colSpan: headings.length, className: 'muted' })); target.append(tr); }
    rows.forEach((cells) => {
      const tr = el('tr');
      cells.forEach((cell) => { const td = el('td'); if (cell instanceof Node) td.append(cell); else td.textContent = cell === undefined || cell === null ? '' : String(cell); tr.append(td); });
      target.append(tr);
    });
  }

  async function call(path, options) {
    const response = await fetch(path, Object.assign({}, options, { headers: { authorization: 'Bearer ' + key, 'content-type': 'application/json' } }));
    const body = await response.json().catch(() => ({}));
    if (response.status >= 400) throw new Error(response.status + ' ' + (body.error || response.statusText));
    return { status: response.status, body };
  }

  const itemsOf = (body) => (Array.isArray(body) ? body : body.items || []);

  async function overview() {
    const { body } = await call('/v1/ops/overview');
    const cards = [
      ['orders', body.orders.total],
      ['completed, last minute', body.throughput.completedLastMinute],
      ['completed, last hour', body.throughput.completedLastHour],
      ['received, last minute', body.throughput.receivedLastMinute],
      ['dead letters to look at', body.deadLetters.count],
    ];
    $('cards').replaceChildren(...cards.map(([label, value]) => { const card = el('div', label, { className: 'card' }); card.prepend(el('b', value)); return card; }));
    table($('by-status'), ['status', 'orders'], Object.entries(body.orders.byStatus));
    table($('by-model'), ['model', 'orders'], Object.entries(body.orders.byModel));
    table($('lag'), ['consumer group', 'lag', 'by topic'], body.consumerLag.map((g) => [g.consumerGroup, g.lag === null ? 'unknown' : g.lag, g.topics.filter((t) => t.lag > 0).map((t) => t.topic + ': ' + t.lag).join(', ')]));
  }

  async function stuck() {
    const ms = Math.max(0, Number($('stuck-minutes').value) || 0) * 60000;
    const { body } = await call('/v1/clearances?stuckForMs=' + ms);
    table($('stuck'), ['platform', 'order', 'model', 'status', 'updated'], itemsOf(body).map((o) => [o.platformId, o.orderId, o.clearanceModel, o.status, o.updatedAt]));
  }

  async function deadLetters() {
    const { body } = await call('/v1/ops/dead-letters?limit=50');
    table($('dead-letters'), ['dead at', 'group', 'topic / offset', 'reason', 'attempts', 'payload', 'replayed', ''], itemsOf(body).map((d) => {
      const button = el('button', 'Replay');
      button.onclick = () => replay(d.id, button);
      return [d.deadAt, d.consumerGroup, d.topic + ' ' + d.partition + '/' + d.offset, d.reason, d.attempts, el('div', d.payload.slice(0, 500), { className: 'payload' }), d.replayCount ? d.replayCount + 'x, last ' + d.replayedAt : '', button];
    }));
  }

  async function replay(id, button) {
    button.disabled = true;
    try {
      const { status, body } = await call('/v1/ops/dead-letters/' + encodeURIComponent(id) + '/replay', { method: 'POST' });
      button.textContent = status === 202 ? 'pending' : body.outcome;
      setTimeout(refresh, 1000);
    } catch (error) {
      button.textContent = error.message;
      button.className = 'error';
    }
  }

  async function tariffs() {
    const { body } = await call('/v1/tariffs');
    const yes = (flag) => (flag ? 'yes' : 'no');
    table($('tariffs'), ['HS prefix', 'description', 'duty', 'VAT', 'consumption', 'cbec', 'quarantine', 'prohibited', 'reference price'], itemsOf(body).map((t) => [t.hsPrefix, t.description, t.dutyRate, t.vatRate, t.consumptionTaxRate, yes(t.cbecEligible), yes(t.quarantine), yes(t.prohibited), t.referenceUnitPrice]));
  }

  async function refresh() {
    if (!key) { $('status').textContent = 'enter the ops key'; return; }
    const results = await Promise.allSettled([overview(), stuck(), deadLetters(), tariffs()]);
    const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
    $('status').textContent = failed.length ? failed[0] : 'updated ' + new Date().toLocaleTimeString();
    $('status').className = failed.length ? 'error' : 'muted';
  }

  $('key-form').onsubmit = (event) => {
    event.preventDefault();
    key = $('key').value.trim();
    sessionStorage.setItem('cbec-ops-key', key);
    refresh();
  };
  $('refresh').onclick = refresh;
  $('stuck-minutes').onchange = refresh;
  setInterval(refresh, 5000);
  refresh();
})();
</script>
</body>
</html>
`;
