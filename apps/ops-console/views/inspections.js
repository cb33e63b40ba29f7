// Inspections waiting for an officer (held for manual review, or in quarantine): release or fail
// each with a note; the inspection service's answer is shown, and kept below once the order has
// moved on.
import { api } from '../api.js';
import { decisionAnswers, decisionForm } from '../decision-form.js';
import { fill, h, orderLink, section, since, statusBadge, table, time } from '../dom.js';

export function mount(container) {
  const waiting = h('div', { id: 'held-inspections' });
  const decided = h('div', { id: 'decided-inspections' });
  /** One form per order, kept across refreshes so that a note being typed survives them. */
  const forms = new Map();
  container.append(h('h1', {}, 'Inspections'), section('Waiting for an officer', waiting), section('Decided here', decided));

  async function refresh() {
    const [held, quarantine] = await Promise.all([api('/v1/clearances?status=HELD_FOR_REVIEW&limit=200'), api('/v1/clearances?status=QUARANTINE_INSPECTION&limit=200')]);
    const items = [...held.body.items, ...quarantine.body.items].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    const formOf = (c) => {
      const key = `${c.platformId}/${c.orderId}`;
      if (!forms.has(key)) forms.set(key, decisionForm(c.platformId, c.orderId, () => void refresh()));
      return forms.get(key);
    };
    fill(
      waiting,
      table(
        ['order', 'platform', 'model', 'status', 'waiting for', 'decision'],
        items.map((c) => [orderLink(c.platformId, c.orderId), c.platformId, c.clearanceModel ?? '', statusBadge(c.status), since(c.updatedAt), formOf(c)]),
        { empty: 'no inspection waits for an officer', rowAttributes: (i) => ({ dataset: { order: `${items[i].platformId}/${items[i].orderId}` } }) },
      ),
    );
    const answers = [...decisionAnswers.entries()].reverse();
    fill(
      decided,
      table(
        ['order', 'decision', 'answer of inspection', 'at'],
        answers.map(([key, a]) => {
          const [platformId, orderId] = key.split('/');
          return [orderLink(platformId, orderId), a.decision, h('span', { class: a.outcome === 'APPLIED' ? 'ok' : 'error' }, `${a.outcome} · ${a.message}`), time(a.at)];
        }),
        { empty: 'no decision taken on this page yet', rowAttributes: (i) => ({ dataset: { order: answers[i][0] } }) },
      ),
    );
  }

  return { refresh };
}
