// Orders: find by platform and order id (the start of it), list and filter by status, model,
// platform and time of entry, newest first, a page at a time; each row opens the order's page.
import { api, ApiError, query } from '../api.js';
import { append, fill, h, orderLink, since, statusBadge, table, time } from '../dom.js';

const STATUSES = ['RECEIVED', 'ORDER_CONFIRMED', 'DOCUMENTS_REQUESTED', 'DOCUMENTS_READY', 'DECLARED', 'UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'PROOF_REQUESTED', 'PROOF_SUBMITTED', 'HELD_FOR_REVIEW', 'APPROVED', 'TAX_ASSESSED', 'TAX_PAID', 'PERMIT_ISSUED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'READY_FOR_PICKUP', 'COMPLETED', 'REJECTED'];
const MODELS = ['DIRECT_MAIL', 'GENERAL_TRADE', 'BONDED_ZONE'];
/** The last search, kept while the tab lives so that coming back from an order shows it again. */
let filters = {};

export function mount(container) {
  const field = (name, label, control) => h('label', { class: 'field' }, h('span', {}, label), control);
  const controls = {
    platformId: h('input', { name: 'platformId', placeholder: 'tmall-global', value: filters.platformId ?? '' }),
    orderId: h('input', { name: 'orderId', placeholder: 'order id, or its start', value: filters.orderId ?? '' }),
    status: h('select', { name: 'status' }, h('option', { value: '' }, 'any status'), STATUSES.map((s) => h('option', { value: s }, s))),
    model: h('select', { name: 'model' }, h('option', { value: '' }, 'any model'), MODELS.map((m) => h('option', { value: m }, m))),
    createdFrom: h('input', { name: 'createdFrom', type: 'datetime-local', step: '1' }),
    createdTo: h('input', { name: 'createdTo', type: 'datetime-local', step: '1' }),
  };
  for (const [name, control] of Object.entries(controls)) if (filters[name] && control.tagName !== 'INPUT') control.value = filters[name];
  if (filters.createdFromLocal) controls.createdFrom.value = filters.createdFromLocal;
  if (filters.createdToLocal) controls.createdTo.value = filters.createdToLocal;
  const message = h('p', { class: 'muted', role: 'status' });
  const results = h('div', { id: 'order-results' });
  const more = h('button', { type: 'button', class: 'quiet', hidden: true, onclick: () => void loadMore() }, 'More');
  let cursor = null;
  let extraPages = 0;

  const form = h(
    'form',
    {
      class: 'search panel',
      id: 'order-search',
      onsubmit: (event) => {
        event.preventDefault();
        filters = readFilters();
        extraPages = 0;
        void refresh();
      },
    },
    field('platformId', 'Platform', controls.platformId),
    field('orderId', 'Order id', controls.orderId),
    field('status', 'Status', controls.status),
    field('model', 'Model', controls.model),
    field('createdFrom', 'Received from', controls.createdFrom),
    field('createdTo', 'until', controls.createdTo),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Search'), h('button', { type: 'button', class: 'quiet', onclick: () => ((filters = {}), form.reset(), void refresh()) }, 'Clear')),
  );
  container.append(h('h1', {}, 'Orders'), form, message, results, more);

  function readFilters() {
    const toIso = (local) => (local ? new Date(local).toISOString() : undefined);
    return {
      platformId: controls.platformId.value.trim() || undefined,
      orderId: controls.orderId.value.trim() || undefined,
      status: controls.status.value || undefined,
      model: controls.model.value || undefined,
      createdFrom: toIso(controls.createdFrom.value),
      createdTo: toIso(controls.createdTo.value),
      createdFromLocal: controls.createdFrom.value,
      createdToLocal: controls.createdTo.value,
    };
  }

  const rowsOf = (items) => items.map((c) => [orderLink(c.platformId, c.orderId), c.platformId, c.clearanceModel ?? '', statusBadge(c.status), c.reasonCode ?? '', time(c.createdAt), `${since(c.updatedAt)} ago`]);
  const headings = ['order', 'platform', 'model', 'status', 'reason', 'received', 'last move'];
  const search = (extra = {}) => {
    const { platformId, orderId, status, model, createdFrom, createdTo } = filters;
    return api(`/v1/clearances${query({ platformId, orderId, status, model, createdFrom, createdTo, limit: 50, ...extra })}`);
  };

  async function refresh() {
    // Pages loaded with "More" stay as they are; the first page follows the system live.
    if (extraPages > 0) return;
    try {
      const { body } = await search();
      cursor = body.nextCursor;
      more.hidden = !cursor;
      message.className = 'muted';
      message.textContent = `${body.items.length}${cursor ? '+' : ''} order(s), newest first`;
      fill(results, table(headings, rowsOf(body.items), { empty: 'no order matches', rowAttributes: (i) => ({ dataset: { order: `${body.items[i].platformId}/${body.items[i].orderId}` } }) }));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      message.className = 'error';
      message.textContent = `${error.body.error}: ${error.details.map((d) => d.message).join('; ')}`;
    }
  }

  async function loadMore() {
    if (!cursor) return;
    const { body } = await search({ cursor });
    extraPages++;
    cursor = body.nextCursor;
    more.hidden = !cursor;
    append(results.querySelector('tbody'), rowsOf(body.items).map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))));
  }

  return { refresh };
}
