// One order: status, model and numbers; the timeline as a vertical list of steps with the
// emitting service, the customs receipt code, the time and the time since the step before
// (customs' receipts among them, by customs' time); the tax assessment per line; documents;
// pickup or delivery; the consignee and payment with ID numbers and phones masked; the officer's
// decision while the order waits for one; and its Single Window messages and customs' receipts.
import { api, ApiError, orderPath } from '../api.js';
import { decisionForm } from '../decision-form.js';
import { badge, duration, facts, fill, h, section, since, statusBadge, table, time } from '../dom.js';
import { isRefusal, singleWindowPanel } from '../single-window-messages.js';

const AWAITING_OFFICER = ['HELD_FOR_REVIEW', 'QUARANTINE_INSPECTION'];

export function mount(container, [platformId, orderId]) {
  const head = h('div', { class: 'order-head' });
  const body = h('div', { class: 'order-body' });
  let decision;
  let decisionShownFor;
  const decisionNote = h('p', { class: 'muted' });
  // Kept across refreshes, so an open XML stays open.
  const singleWindow = singleWindowPanel(platformId, orderId, () => void refresh());
  container.append(h('p', {}, h('a', { href: '#/orders' }, '← orders')), head, body);

  async function refresh() {
    let clearance;
    let particulars;
    try {
      [clearance, particulars] = await Promise.all([api(`/v1/clearances/${orderPath(platformId, orderId)}`), api(`/v1/ops/clearances/${orderPath(platformId, orderId)}/particulars`)]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        fill(head, h('h1', {}, orderId), h('p', { class: 'error' }, `No order ${platformId}/${orderId} is known.`));
        fill(body);
        return;
      }
      throw error;
    }
    const c = clearance.body;
    const p = particulars.body.particulars;
    fill(
      head,
      h('h1', {}, h('span', { class: 'muted' }, `${c.platformId} / `), c.orderId, ' ', statusBadge(c.status), c.reasonCode ? badge(c.reasonCode, 'failed') : null),
      facts([
        ['model', c.clearanceModel],
        ['declaration number', c.declarationNumber],
        ['permit number', c.permitNumber],
        ['tax assessment', c.taxAssessment?.assessmentId],
        ['received', time(c.createdAt)],
        ['last move', `${time(c.updatedAt)} (${since(c.updatedAt)} ago)`],
      ]),
    );
    // The decision form stays while the order waits, so a note being typed is not lost on refresh.
    if (AWAITING_OFFICER.includes(c.status) && decisionShownFor !== c.status) {
      decision = section('Officer decision', decisionNote, decisionForm(c.platformId, c.orderId, () => void refresh()));
      decisionShownFor = c.status;
    }
    decisionNote.textContent = AWAITING_OFFICER.includes(c.status) ? `The order waits for an officer (${c.status}).` : `Decided: the order is now ${c.status}.`;
    fill(
      body,
      AWAITING_OFFICER.includes(c.status) || decisionShownFor ? decision : null,
      h('div', { class: 'grid two' }, section('Timeline', timeline(c.timeline)), h('div', {}, taxAssessment(c.taxAssessment), handOver(c), documents(p), parties(p))),
      items(p, c.taxAssessment),
      singleWindow.element,
    );
    await singleWindow.refresh(c.customs, c.taxAssessment);
  }

  return { refresh };
}

function timeline(entries) {
  return h(
    'ol',
    { class: 'timeline', id: 'timeline' },
    entries.map((entry, i) => {
      const previous = entries[i - 1];
      const gap = previous ? Date.parse(entry.at) - Date.parse(previous.at) : null;
      const receipt = entry.type === 'customs-receipt';
      const what = entry.status ?? (receipt ? `${entry.messageType} receipt` : entry.type.replace(/^cbec\.(platform|[a-z-]+)\./, '').replace(/\.v\d+$/, ''));
      const refused = receipt && entry.customsCode !== undefined && isRefusal(entry.customsCode);
      const kind = entry.reasonCode || refused ? 'failed' : entry.status === 'COMPLETED' ? 'done' : entry.service === 'gateway' ? 'platform' : receipt ? 'receipt' : '';
      return h(
        'li',
        { class: `step ${kind}`, dataset: { status: entry.status ?? '', type: entry.type, service: entry.service, messageType: entry.messageType ?? '' } },
        h('div', { class: 'step-head' }, h('b', {}, what), ' ', badge(entry.service, 'service'), entry.customsCode ? badge(`customs ${entry.customsCode}`, 'code') : null, entry.reasonCode ? badge(entry.reasonCode, 'failed') : null),
        h('div', { class: 'step-time' }, time(entry.at), gap !== null ? h('span', { class: 'gap' }, ` +${duration(gap)}`) : null),
        entry.status ? null : h('div', { class: 'muted small' }, receipt ? entry.returnInfo : entry.type),
      );
    }),
  );
}

function taxAssessment(assessment) {
  if (!assessment) return section('Tax assessment', h('p', { class: 'muted' }, 'not assessed yet'));
  const lines = assessment.lines.map((l) => [l.sku, l.dutiableValue, l.duty, l.consumptionTax, l.vat]);
  const { totals } = assessment;
  return section(
    'Tax assessment',
    facts([
      ['assessment', assessment.assessmentId],
      ['regime', assessment.regime],
      ['withheld by the platform', assessment.withheld ? 'yes' : 'no'],
      ['due by', assessment.dueBy ? time(assessment.dueBy) : ''],
    ]),
    table(['sku', `dutiable value (${assessment.currency})`, 'duty', 'consumption tax', 'VAT'], [...lines, [h('b', {}, 'total'), assessment.dutiableTotal, totals.duty, totals.consumptionTax, totals.vat]]),
    h('p', { class: 'total' }, `tax due: ${totals.total} ${assessment.currency}`),
  );
}

function handOver(c) {
  if (c.pickup) {
    return section('Pickup', facts([['location', `${c.pickup.location.name}, ${c.pickup.location.address}`], ['from', time(c.pickup.availableFrom)], ['until', time(c.pickup.availableUntil)], ['pickup code', c.pickup.pickupCode]]));
  }
  if (c.delivery) return section('Delivery', facts([['carrier', c.delivery.carrier], ['waybill', c.delivery.waybillNumber]]));
  return null;
}

function documents(p) {
  const list = p?.documents ?? [];
  return section('Documents', list.length ? table(['kind', 'provided by', 'reference'], list.map((d) => [d.kind, d.providedBy, d.sha256 ? `${d.reference} (sha256 ${d.sha256.slice(0, 12)}…)` : d.reference])) : h('p', { class: 'muted' }, 'none attached yet'));
}

function parties(p) {
  if (!p) return section('Consignee and payment', h('p', { class: 'muted' }, 'not known: the order has not passed intake'));
  const c = p.consignee ?? {};
  const address = c.address ? [c.address.line1, c.address.district, c.address.city, c.address.province, c.address.postalCode].filter(Boolean).join(', ') : '';
  const pay = p.payment ?? {};
  return section(
    'Consignee and payment',
    facts([
      ['consignee', c.name],
      ['ID', c.idNumber ? `${c.idType ?? ''} ${c.idNumber}` : ''],
      ['phone', c.phone],
      ['address', address],
      ['payment', [pay.provider, pay.transactionId].filter(Boolean).join(' · ')],
      ['payer', [pay.payerName, pay.payerIdNumber].filter(Boolean).join(' · ')],
      ['amount paid', pay.amount ? `${pay.amount} ${p.currency ?? ''}` : ''],
      ['carrier', [p.logistics?.carrier, p.logistics?.waybillNumber].filter(Boolean).join(' · ')],
      ['bonded zone', p.bondedZone],
      ['placed', p.placedAt ? time(p.placedAt) : ''],
      ['declared', p.declaredAt ? time(p.declaredAt) : ''],
    ]),
  );
}

function items(p, assessment) {
  if (!p?.items?.length) return null;
  const taxOf = new Map((assessment?.lines ?? []).map((line) => [line.sku, line]));
  return section(
    'Items',
    table(
      ['sku', 'name', 'HS code', 'quantity', 'unit price', 'origin', 'dutiable value'],
      p.items.map((item) => [item.sku, item.name, item.hsCode, item.quantity, item.unitPrice, item.originCountry, taxOf.get(item.sku)?.dutiableValue ?? '']),
    ),
    h('p', { class: 'muted' }, `freight ${p.freight ?? '0.00'} · insurance ${p.insurance ?? '0.00'}`),
  );
}
