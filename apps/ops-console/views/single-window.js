// The Single Window (CONTRACT 8.4, 8.5): the messages the exchange refused and that were not
// re-sent since, each with its re-send; the receipt files that could not be read; the tax bills
// of customs that differ from the assessment; and the re-sends asked for here with their answers.
// The Single Window service answers these calls through the gateway; while it does not, the view
// says so.
import { api, notAnswering } from '../api.js';
import { badge, fill, h, orderLink, section, table, time } from '../dom.js';
import { resendAnswers, resendButton } from '../resend-button.js';
import { NOT_ANSWERING } from '../single-window-messages.js';

export function mount(container) {
  const state = h('p', { id: 'single-window-state', role: 'status', class: 'muted' });
  const refusedBody = h('div', { id: 'refused-messages' });
  const failedBody = h('div', { id: 'failed-receipts' });
  const differencesBody = h('div', { id: 'tax-bill-differences' });
  const resentBody = h('div', { id: 'resent-messages' });
  container.append(
    h('h1', {}, 'Single Window'),
    state,
    section('Messages the exchange refused', h('p', { class: 'muted small' }, 'not re-sent since; fix the cause, then re-send: a new message with a new guid, built from the order\'s current data'), refusedBody),
    section('Re-sent here', resentBody),
    h('div', { class: 'grid two' }, section('Receipt files that could not be read', failedBody), section('Tax bills that differ from the assessment', differencesBody)),
  );

  /** When the lists were last read, for the note while the service does not answer. */
  let lastRead = '';

  async function refresh() {
    let refused, failed, differences;
    try {
      [refused, failed, differences] = await Promise.all(['refused', 'failed-receipts', 'tax-bill-differences'].map((list) => api(`/v1/ops/single-window/${list}`).then((answer) => answer.body)));
    } catch (error) {
      if (!notAnswering(error)) throw error;
      state.className = 'notice unavailable';
      state.textContent = lastRead ? `${NOT_ANSWERING}: the lists below are as read at ${lastRead}; try again shortly.` : `${NOT_ANSWERING}; try again shortly.`;
      showResent();
      return;
    }
    lastRead = time(new Date().toISOString());
    state.className = 'muted';
    state.textContent = `read ${lastRead}`;
    fill(
      refusedBody,
      table(
        ['order', 'message', 'copNo', 'guid', 'customs said', 'at', ''],
        refused.map((r) => [
          orderLink(r.platformId, r.orderId),
          h('b', {}, r.messageType),
          r.copNo,
          h('code', { class: 'small nowrap' }, r.guid),
          [badge(`${r.returnStatus}`, 'failed'), ' ', r.returnInfo],
          time(r.at),
          resendButton(r.platformId, r.orderId, r.messageType, () => void refresh().catch(() => undefined)),
        ]),
        { empty: 'no refused message waits for a re-send', rowAttributes: (i) => ({ dataset: { order: `${refused[i].platformId}/${refused[i].orderId}`, guid: refused[i].guid, messageType: refused[i].messageType } }) },
      ),
    );
    fill(failedBody, table(['file', 'why', 'at'], failed.map((f) => [h('code', {}, f.fileName), h('span', { class: 'error' }, f.reason), time(f.at)]), { empty: 'every receipt file was read', rowAttributes: (i) => ({ dataset: { fileName: failed[i].fileName } }) }));
    fill(
      differencesBody,
      table(
        ['order', 'inventory / tax number', 'duty', 'VAT', 'consumption tax', 'at'],
        differences.map((d) => [
          orderLink(d.platformId, d.orderId),
          [d.invtNo ?? '', h('br'), h('span', { class: 'muted small' }, d.taxNo ?? '')],
          compared(d.bill.customsTax, d.assessment.duty),
          compared(d.bill.valueAddedTax, d.assessment.valueAddedTax),
          compared(d.bill.consumptionTax, d.assessment.consumptionTax),
          h('span', { class: 'nowrap' }, time(d.at)),
        ]),
        { empty: 'every tax bill matches its assessment', rowAttributes: (i) => ({ dataset: { order: `${differences[i].platformId}/${differences[i].orderId}` } }) },
      ),
    );
    showResent();
  }

  function showResent() {
    const answers = [...resendAnswers.values()].reverse();
    fill(
      resentBody,
      table(
        ['order', 'message', 'answer of the Single Window service', 'at'],
        answers.map((a) => [orderLink(a.platformId, a.orderId), a.messageType, h('span', { class: a.outcome === 'SENT' ? 'ok' : a.outcome === 'PENDING' ? 'answer pending' : 'error' }, a.message), time(a.at)]),
        { empty: 'nothing re-sent on this page yet', rowAttributes: (i) => ({ dataset: { order: `${answers[i].platformId}/${answers[i].orderId}`, messageType: answers[i].messageType, outcome: answers[i].outcome } }) },
      ),
    );
  }

  return { refresh };
}

/** The bill's amount, and the assessment's beside it when they differ. */
function compared(billed, assessed) {
  const same = Number(billed).toFixed(2) === Number(assessed).toFixed(2);
  return same ? billed : h('span', { class: 'differs' }, h('b', {}, billed), h('span', { class: 'muted small' }, ` assessed ${assessed}`));
}
