// Re-send a message the exchange refused (CONTRACT 8.5): the Single Window service builds it again
// from the order's current data, with a new guid, and sends it. Its answer is shown beside the
// button, and kept by order and message type so it outlives the refresh that takes the message off
// the refused list.
import { api, notAnswering, orderPath } from './api.js';
import { h } from './dom.js';

/** Re-sends asked for on this page, by `platformId/orderId/messageType`, newest last. */
export const resendAnswers = new Map();

export function resendButton(platformId, orderId, messageType, onAnswer) {
  const key = `${platformId}/${orderId}/${messageType}`;
  const answer = h('span', { class: 'answer', role: 'status', dataset: { resendAnswerFor: key } });
  const button = h('button', { type: 'button', class: 'quiet resend', dataset: { resend: key, messageType }, onclick: () => void resend() }, `Re-send ${messageType}`);
  show(resendAnswers.get(key));

  async function resend() {
    remember({ outcome: 'PENDING', message: `asking the Single Window service to re-send ${messageType}…` });
    show(resendAnswers.get(key));
    try {
      const { body } = await api(`/v1/ops/single-window/${orderPath(platformId, orderId)}/resend`, { method: 'POST', body: { messageType } });
      remember({ outcome: 'SENT', message: `re-sent as ${body.guid} (appType ${body.appType})`, guid: body.guid });
    } catch (error) {
      remember({ outcome: 'REFUSED', message: notAnswering(error) ? 'Single Window service not answering; try again shortly' : `refused: ${error.body?.error ?? error.message}` });
    }
    show(resendAnswers.get(key));
    onAnswer?.();
  }

  function remember(shown) {
    resendAnswers.delete(key);
    resendAnswers.set(key, { platformId, orderId, messageType, ...shown, at: new Date().toISOString() });
  }

  function show(shown) {
    if (!shown) return;
    button.disabled = shown.outcome === 'PENDING';
    answer.className = `answer ${shown.outcome === 'SENT' ? 'ok' : shown.outcome === 'PENDING' ? 'pending' : 'error'}`;
    answer.dataset.outcome = shown.outcome;
    answer.textContent = shown.message;
  }

  return h('span', { class: 'resend-control' }, button, answer);
}
