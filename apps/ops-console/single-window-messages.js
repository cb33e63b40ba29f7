// An order's Single Window part, for its page (CONTRACT 8.5): what customs' receipts told (its
// numbers, the last receipt, the tax bill against the assessment), and every message sent and
// receipt read, oldest first, each with its XML (asked for when opened, shown as text, never as
// markup) and a re-send button on a message the exchange refused. The Single Window service
// answers these calls through the gateway; while it does not, the panel says so and the rest of
// the page goes on.
import { api, ApiError, apiText, notAnswering, orderPath } from './api.js';
import { badge, errorText, facts, fill, h, section, table, time } from './dom.js';
import { resendAnswers, resendButton } from './resend-button.js';

export const NOT_ANSWERING = 'Single Window service not answering';

export function singleWindowPanel(platformId, orderId, onChange) {
  const customsBody = h('div', { id: 'customs' });
  const messagesBody = h('div', { id: 'single-window-messages' });
  const resentBody = h('div', { id: 'single-window-resent' });
  const element = section('Single Window', customsBody, h('p', { class: 'subhead' }, 'Messages sent and receipts read'), messagesBody, resentBody);
  /** Each message's XML viewer, kept across refreshes so an open one stays open. */
  const viewers = new Map();
  let shownMessages;

  async function refresh(customs, taxAssessment) {
    fill(customsBody, customsFacts(customs, taxAssessment));
    const { text, messages, refused } = await read();
    fill(resentBody, resent(platformId, orderId));
    const signature = JSON.stringify({ text, messages, refused });
    if (signature === shownMessages) return;
    shownMessages = signature;
    if (text) {
      fill(messagesBody, h('p', { class: text === NOT_ANSWERING ? 'notice unavailable' : 'muted', role: 'status' }, text));
      return;
    }
    const refusedOf = refusedMessages(messages, refused);
    fill(
      messagesBody,
      table(
        ['', 'message', 'at', 'copNo', 'guid', 'customs said', ''],
        messages.map((m) => [
          badge(m.direction === 'OUT' ? 'sent' : 'received', m.direction === 'OUT' ? 'neutral' : 'code'),
          h('b', {}, m.messageType),
          h('span', { class: 'nowrap' }, time(m.at)),
          m.copNo ?? '',
          h('code', { class: 'small nowrap' }, m.guid),
          m.returnStatus !== undefined && m.returnStatus !== null ? [badge(`${m.returnStatus}`, isRefusal(m.returnStatus) ? 'failed' : 'code'), ' ', m.returnInfo ?? ''] : '',
          [viewerOf(m.guid), refusedOf.has(m.guid) ? resendButton(platformId, orderId, m.messageType, onChange) : null],
        ]),
        {
          empty: 'no message built for this order yet',
          rowAttributes: (i) => ({ class: refusedOf.has(messages[i].guid) ? 'refused' : '', dataset: { guid: messages[i].guid, direction: messages[i].direction, messageType: messages[i].messageType } }),
        },
      ),
    );
  }

  /** The order's messages and the refused ones among them; or the text to show instead. */
  async function read() {
    try {
      const [messages, refused] = await Promise.all([api(`/v1/clearances/${orderPath(platformId, orderId)}/messages`), api('/v1/ops/single-window/refused')]);
      const mine = refused.body.filter((r) => r.platformId === platformId && r.orderId === orderId);
      return { messages: messages.body, refused: mine };
    } catch (error) {
      if (notAnswering(error)) return { text: NOT_ANSWERING };
      if (error instanceof ApiError && error.status === 404) return { text: 'the Single Window service holds no message of this order' };
      return { text: `could not read the Single Window messages: ${errorText(error)}` };
    }
  }

  function viewerOf(guid) {
    if (!viewers.has(guid)) {
      const xml = h('pre', { class: 'payload xml', dataset: { guid } }, 'loading…');
      const viewer = h('details', { class: 'xml-viewer' }, h('summary', {}, 'XML'), xml);
      viewer.addEventListener('toggle', () => viewer.open && xml.dataset.loaded !== 'yes' && void load(guid, xml));
      viewers.set(guid, viewer);
    }
    return viewers.get(guid);
  }

  async function load(guid, xml) {
    try {
      const { body } = await apiText(`/v1/clearances/${orderPath(platformId, orderId)}/messages/${encodeURIComponent(guid)}`);
      xml.textContent = body;
      xml.dataset.loaded = 'yes';
    } catch (error) {
      xml.textContent = notAnswering(error) ? NOT_ANSWERING : `could not read the message: ${errorText(error)}`;
    }
  }

  return { element, refresh };
}

/** The re-sends of this order asked for on this page, with the Single Window service's answers: they outlive the refused list. */
function resent(platformId, orderId) {
  const answers = [...resendAnswers.values()].filter((a) => a.platformId === platformId && a.orderId === orderId);
  if (answers.length === 0) return null;
  return h(
    'ul',
    { class: 'resent' },
    answers.map((a) => h('li', { dataset: { messageType: a.messageType, outcome: a.outcome } }, h('b', {}, `${a.messageType} re-sent here`), ` ${time(a.at)}: `, h('span', { class: a.outcome === 'SENT' ? 'ok' : a.outcome === 'PENDING' ? 'answer pending' : 'error' }, a.message))),
  );
}

/** Customs' numbers, its last receipt and the tax bill against the assessment, from the clearance view. */
function customsFacts(customs, taxAssessment) {
  if (!customs) return h('p', { class: 'muted' }, 'no receipt of customs yet');
  const { lastReceipt: last, taxBill: bill } = customs;
  return [
    facts([
      ['pre-entry number', customs.preNo],
      ['inventory number', customs.invtNo],
      ['last receipt', last ? `${last.messageType} ${last.returnStatus} · ${last.returnInfo} (${time(last.at)})` : ''],
    ]),
    bill ? taxBill(bill, taxAssessment) : null,
  ];
}

function taxBill(bill, assessment) {
  const verdict = bill.matchesAssessment === true ? badge('matches the assessment', 'done') : bill.matchesAssessment === false ? badge('differs from the assessment', 'failed') : badge('not compared yet', 'waiting');
  const totals = assessment?.totals;
  return h(
    'div',
    { id: 'tax-bill', dataset: { matches: String(bill.matchesAssessment) } },
    h('p', {}, h('b', {}, `Tax bill ${bill.taxNo}`), ' ', verdict),
    table(['', 'duty', 'VAT', 'consumption tax'], [['customs\' bill', bill.customsTax, bill.valueAddedTax, bill.consumptionTax], totals ? ['assessment', totals.duty, totals.vat, totals.consumptionTax] : null].filter(Boolean)),
  );
}

/** 4, or negative: the exchange refused the message (CONTRACT 8.4). */
export function isRefusal(returnStatus) {
  return /^(4|-\d+)$/.test(String(returnStatus).trim());
}

/**
 * The guids of the messages sent that the exchange refused and that were not re-sent since: the
 * Single Window service's list, by guid; failing that, the latest message sent of each refused type.
 */
function refusedMessages(messages, refused) {
  const sent = messages.filter((m) => m.direction === 'OUT');
  const guids = new Set();
  for (const r of refused) {
    const byGuid = sent.find((m) => m.guid === r.guid);
    const latest = sent.filter((m) => m.messageType === r.messageType).at(-1);
    const message = byGuid ?? latest;
    if (message) guids.add(message.guid);
  }
  return guids;
}
