// Building the page from data: elements with text content only (never HTML from the API: dead
// letters hold anyone's bytes), and the formats the views share.

/** h('a', { href, class, onclick }, 'text', child...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (['value', 'checked', 'disabled', 'selected', 'open', 'hidden'].includes(name)) element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function fill(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

const pad = (n) => String(n).padStart(2, '0');

/** Local date and time, to the second. */
export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function clock(iso) {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function duration(ms) {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 60_000) return `${(ms / 1000).toFixed(abs < 10_000 ? 2 : 1)} s`;
  if (abs < 3_600_000) return `${Math.floor(ms / 60_000)} min ${Math.floor((abs % 60_000) / 1000)} s`;
  if (abs < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ${Math.floor((abs % 3_600_000) / 60_000)} min`;
  return `${Math.floor(ms / 86_400_000)} d ${Math.floor((abs % 86_400_000) / 3_600_000)} h`;
}

export const since = (iso) => duration(Date.now() - Date.parse(iso));

export function number(value) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString('en');
}

const STATUS_KIND = {
  COMPLETED: 'done',
  REJECTED: 'failed',
  CANCELLED: 'failed',
  RETURNED: 'done',
  HELD_FOR_REVIEW: 'waiting',
  QUARANTINE_INSPECTION: 'waiting',
  PROOF_REQUESTED: 'waiting',
  TAX_ASSESSED: 'waiting',
  READY_FOR_PICKUP: 'waiting',
  OUT_FOR_DELIVERY: 'waiting',
};

/** A status as a badge; data-status carries the code for tests and styles. */
export function statusBadge(status) {
  return h('span', { class: `badge ${STATUS_KIND[status] ?? 'moving'}`, dataset: { status: status ?? '' } }, status ?? 'unknown');
}

export function badge(text, kind = 'neutral') {
  return h('span', { class: `badge ${kind}` }, text);
}

export function orderLink(platformId, orderId) {
  return h('a', { href: `#/orders/${encodeURIComponent(platformId)}/${encodeURIComponent(orderId)}`, class: 'order-link' }, orderId);
}

/** A table in a scrolling wrapper; rows of cells (text or nodes); an empty table says so. */
export function table(headings, rows, { empty = 'nothing here', rowAttributes } = {}) {
  const head = h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading))));
  const body = h('tbody', {});
  if (rows.length === 0) body.append(h('tr', {}, h('td', { colspan: headings.length, class: 'muted' }, empty)));
  rows.forEach((cells, i) => body.append(h('tr', rowAttributes?.(i) ?? {}, cells.map((cell) => h('td', {}, cell)))));
  return h('div', { class: 'table-wrap' }, h('table', {}, head, body));
}

/** Horizontal bars: [{ label, value, note?, kind? }], scaled to the largest value (or `max`). */
export function bars(rows, { max, empty = 'nothing yet' } = {}) {
  if (rows.length === 0) return h('p', { class: 'muted' }, empty);
  const top = max ?? Math.max(1, ...rows.map((row) => row.value));
  return h(
    'ul',
    { class: 'bars' },
    rows.map((row) => {
      const fillBar = h('span', { class: `bar-fill ${row.kind ?? ''}` });
      fillBar.style.width = `${Math.max(row.value > 0 ? 1.5 : 0, (row.value / top) * 100)}%`;
      return h('li', { dataset: { label: row.label } }, h('span', { class: 'bar-label' }, row.label), h('span', { class: 'bar' }, fillBar), h('span', { class: 'bar-value' }, number(row.value), row.note ? h('small', {}, ` ${row.note}`) : null));
    }),
  );
}

export function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

/** A definition list from [term, value] pairs, leaving out empty values. */
export function facts(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.filter(([, value]) => value !== undefined && value !== null && value !== '').map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

export function errorText(error) {
  if (error?.status === 403) return 'this key is not the ops key: the console needs the ops key (403)';
  return error?.message ?? String(error);
}
