// Release or fail a held inspection with a note: the decision goes to the inspection service,
// and its answer (applied, refused, or still pending) is shown where the buttons were.
import { api, commandOutcome, orderPath } from './api.js';
import { h } from './dom.js';

/** Answers given on this page, by order, so they outlive the refresh that removes the order from a list. */
export const decisionAnswers = new Map();

export function decisionForm(platformId, orderId, onAnswer) {
  const key = `${platformId}/${orderId}`;
  const note = h('input', { class: 'note', name: 'note', placeholder: 'note for the record', maxlength: '500', 'aria-label': `note on ${orderId}` });
  const answer = h('span', { class: 'answer', role: 'status', dataset: { answerFor: key } });
  const buttons = ['RELEASE', 'FAIL'].map((decision) => h('button', { type: 'button', class: decision === 'FAIL' ? 'danger' : '', dataset: { decision }, onclick: () => void decide(decision) }, decision === 'RELEASE' ? 'Release' : 'Fail'));

  async function decide(decision) {
    for (const button of buttons) button.disabled = true;
    answer.className = 'answer pending';
    answer.textContent = `sending ${decision} to inspection…`;
    const body = { decision, ...(note.value.trim() ? { note: note.value.trim() } : {}) };
    const outcome = await commandOutcome(
      () => api(`/v1/inspections/${orderPath(platformId, orderId)}/decision`, { method: 'POST', body }),
      () => (answer.textContent = 'inspection has not answered yet; waiting…'),
    ).catch((error) => ({ outcome: 'REFUSED', message: error.message }));
    const shown = { decision, ...outcome, at: new Date().toISOString() };
    decisionAnswers.set(key, shown);
    show(shown);
    onAnswer?.(shown);
    if (outcome.outcome !== 'APPLIED') for (const button of buttons) button.disabled = false;
  }

  function show(shown) {
    answer.className = `answer ${shown.outcome === 'APPLIED' ? 'ok' : shown.outcome === 'PENDING' ? 'pending' : 'error'}`;
    answer.textContent = `inspection: ${shown.outcome} · ${shown.message}`;
  }

  return h('div', { class: 'decision', dataset: { decisionFor: key } }, note, buttons, answer);
}
