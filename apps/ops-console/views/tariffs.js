// The tariff table (tax-permit owns it; the gateway keeps a copy): edit an entry or add one, with
// every field checked here first and again by the gateway and tax-permit, whose answer is shown.
import { api, commandOutcome } from '../api.js';
import { fill, h, section, table } from '../dom.js';

const RATE = /^(0|[1-9]\d*)(\.\d{1,6})?$/;
const MONEY = /^(0|[1-9]\d*)(\.\d{1,2})?$/;
const FIELDS = [
  ['hsPrefix', 'HS prefix', 'text'],
  ['description', 'Description', 'text'],
  ['dutyRate', 'Duty rate', 'text'],
  ['vatRate', 'VAT rate', 'text'],
  ['consumptionTaxRate', 'Consumption tax rate', 'text'],
  ['referenceUnitPrice', 'Reference unit price (optional)', 'text'],
  ['cbecEligible', 'On the positive list (cross-border retail)', 'checkbox'],
  ['quarantine', 'Quarantine inspection', 'checkbox'],
  ['prohibited', 'Prohibited', 'checkbox'],
];

/** The checks of the form, the same as the gateway's; an empty result means it may be sent. */
export function checkEntry(entry) {
  const errors = {};
  if (!/^\d{4,10}$/.test(entry.hsPrefix)) errors.hsPrefix = 'must be 4 to 10 digits';
  if (!entry.description.trim()) errors.description = 'must not be empty';
  else if (entry.description.length > 500) errors.description = 'must be at most 500 characters';
  for (const name of ['dutyRate', 'vatRate', 'consumptionTaxRate']) if (!RATE.test(entry[name])) errors[name] = 'must be a decimal such as 0.13';
  if (!errors.consumptionTaxRate && Number(entry.consumptionTaxRate) >= 1) errors.consumptionTaxRate = 'must be below 1';
  if (entry.referenceUnitPrice !== undefined && (!MONEY.test(entry.referenceUnitPrice) || Number(entry.referenceUnitPrice) <= 0)) errors.referenceUnitPrice = 'must be money above zero, such as 300.00';
  return errors;
}

export function mount(container) {
  const tableBody = h('div', { id: 'tariff-table' });
  const editor = h('div', { id: 'tariff-editor' });
  let entries = [];
  container.append(h('h1', {}, 'Tariffs'), editor, section('Tariff table', h('div', { class: 'panel-tools' }, h('button', { type: 'button', onclick: () => edit() }, 'New entry')), tableBody));

  async function refresh() {
    const { body } = await api('/v1/tariffs');
    entries = body.items;
    const yes = (flag) => (flag ? 'yes' : 'no');
    fill(
      tableBody,
      table(
        ['HS prefix', 'description', 'duty', 'VAT', 'consumption', 'positive list', 'quarantine', 'prohibited', 'reference price', ''],
        entries.map((t) => [h('b', {}, t.hsPrefix), t.description, t.dutyRate, t.vatRate, t.consumptionTaxRate, yes(t.cbecEligible), yes(t.quarantine), yes(t.prohibited), t.referenceUnitPrice ?? '', h('button', { type: 'button', class: 'quiet', dataset: { edit: t.hsPrefix }, onclick: () => edit(t) }, 'Edit')]),
        { rowAttributes: (i) => ({ dataset: { hsPrefix: entries[i].hsPrefix } }) },
      ),
    );
  }

  function edit(entry) {
    const inputs = {};
    const errors = {};
    const answer = h('p', { class: 'answer', role: 'status', id: 'tariff-answer' });
    const controls = FIELDS.map(([name, label, type]) => {
      const input = type === 'checkbox' ? h('input', { type: 'checkbox', name, checked: Boolean(entry?.[name]) }) : h('input', { type: 'text', name, value: entry?.[name] ?? '', readonly: Boolean(entry && name === 'hsPrefix') });
      inputs[name] = input;
      errors[name] = h('small', { class: 'field-error', dataset: { errorFor: name } });
      return h('label', { class: `field ${type}` }, h('span', {}, label), input, errors[name]);
    });
    const form = h(
      'form',
      { class: 'panel tariff-form', id: 'tariff-form', novalidate: true, onsubmit: (event) => (event.preventDefault(), void save()) },
      h('h2', {}, entry ? `Edit ${entry.hsPrefix}` : 'New tariff entry'),
      h('div', { class: 'fields' }, controls),
      h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save'), h('button', { type: 'button', class: 'quiet', onclick: () => fill(editor) }, 'Close')),
      answer,
    );
    fill(editor, form);
    form.scrollIntoView({ block: 'nearest' });

    async function save() {
      const value = Object.fromEntries(FIELDS.map(([name, , type]) => [name, type === 'checkbox' ? inputs[name].checked : inputs[name].value.trim()]));
      if (value.referenceUnitPrice === '') delete value.referenceUnitPrice;
      const found = checkEntry(value);
      for (const [name] of FIELDS) errors[name].textContent = found[name] ?? '';
      if (Object.keys(found).length > 0) {
        answer.className = 'answer error';
        answer.textContent = 'not sent: fix the fields marked';
        return;
      }
      answer.className = 'answer pending';
      answer.textContent = 'sending to tax-permit…';
      const { hsPrefix, ...fields } = value;
      const outcome = await commandOutcome(() => api(`/v1/tariffs/${encodeURIComponent(hsPrefix)}`, { method: 'PUT', body: fields }), () => (answer.textContent = 'tax-permit has not answered yet; waiting…'));
      for (const detail of outcome.details ?? []) if (errors[detail.field]) errors[detail.field].textContent = detail.message;
      answer.className = `answer ${outcome.outcome === 'APPLIED' ? 'ok' : outcome.outcome === 'PENDING' ? 'pending' : 'error'}`;
      answer.textContent = outcome.outcome === 'APPLIED' ? `tax-permit: APPLIED · tariff entry ${hsPrefix} saved` : `tax-permit: ${outcome.outcome} · ${outcome.message}`;
      if (outcome.outcome === 'APPLIED') await refresh();
    }
  }

  return { refresh };
}
