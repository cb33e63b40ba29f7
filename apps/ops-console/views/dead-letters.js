// Dead letters: counted by consumer group and reason, browsed by either, each with its original
// message, its error and its attempts; replay one or a selection, and follow each replay as it
// happens: the group's answer, then whether the message was processed or dead-lettered again.
import { api, commandOutcome, query } from '../api.js';
import { badge, fill, h, number, orderLink, section, table, time } from '../dom.js';

const filters = { consumerGroup: '', reason: '' };
/** What the console knows of each replay it asked for, by dead letter id. */
const replays = new Map();
const selected = new Set();

export function mount(container) {
  const summaryBody = h('div', { id: 'dead-letter-summary' });
  const group = h('select', { id: 'dead-letter-group', 'aria-label': 'consumer group', onchange: () => ((filters.consumerGroup = group.value), void refresh()) }, h('option', { value: '' }, 'every consumer group'));
  const reason = h('input', { id: 'dead-letter-reason', type: 'search', placeholder: 'part of the reason', value: filters.reason, 'aria-label': 'reason' });
  reason.addEventListener('change', () => ((filters.reason = reason.value.trim()), void refresh()));
  const replaySelected = h('button', { type: 'button', id: 'replay-selected', disabled: true, onclick: () => void replayAll([...selected]) }, 'Replay selected');
  const listBody = h('div', { id: 'dead-letter-list' });
  container.append(
    h('h1', {}, 'Dead letters'),
    section('By consumer group and reason', summaryBody),
    section('Dead letters, newest first', h('div', { class: 'panel-tools' }, group, reason, replaySelected), listBody),
  );

  async function refresh() {
    const [summary, page] = await Promise.all([api('/v1/ops/dead-letters/summary'), api(`/v1/ops/dead-letters${query({ consumerGroup: filters.consumerGroup, reason: filters.reason, limit: 100 })}`)]);
    const groups = [...new Set(summary.body.reasons.map((r) => r.consumerGroup))].sort();
    if ([...group.options].slice(1).map((o) => o.value).join() !== groups.join()) {
      fill(group, h('option', { value: '' }, 'every consumer group'), groups.map((g) => h('option', { value: g }, g)));
      group.value = filters.consumerGroup;
    }
    fill(
      summaryBody,
      table(
        ['consumer group', 'reason', 'dead letters', 'not replayed', 'last'],
        summary.body.reasons.map((r) => [
          h('a', { href: '#/dead-letters', onclick: (event) => (event.preventDefault(), (filters.consumerGroup = r.consumerGroup), (filters.reason = r.reason.slice(0, 200)), (reason.value = filters.reason), (group.value = r.consumerGroup), void refresh()) }, r.consumerGroup),
          r.reason,
          number(r.count),
          r.notReplayed ? h('b', {}, number(r.notReplayed)) : '0',
          time(r.lastDeadAt),
        ]),
        { empty: 'no dead letters: every message was handled' },
      ),
    );
    await followReplays();
    const items = page.body.items;
    for (const id of selected) if (!items.some((item) => item.id === id)) selected.delete(id);
    replaySelected.disabled = selected.size === 0;
    replaySelected.textContent = selected.size ? `Replay selected (${selected.size})` : 'Replay selected';
    fill(listBody, items.length ? items.map(letter) : h('p', { class: 'muted' }, 'no dead letter matches'));
  }

  function letter(item) {
    const check = h('input', { type: 'checkbox', checked: selected.has(item.id), 'aria-label': `select ${item.id}`, onchange: () => (check.checked ? selected.add(item.id) : selected.delete(item.id), (replaySelected.disabled = selected.size === 0), (replaySelected.textContent = selected.size ? `Replay selected (${selected.size})` : 'Replay selected')) });
    const orderKey = /^([A-Za-z0-9._:-]{1,64})\/([A-Za-z0-9._:-]{1,64})$/.exec(item.key ?? '');
    const replay = replays.get(item.id);
    return h(
      'article',
      { class: 'letter', dataset: { deadLetter: item.id, key: item.key ?? '' } },
      h(
        'header',
        {},
        check,
        h('b', {}, item.consumerGroup),
        h('span', { class: 'muted' }, ` ${item.topic} · partition ${item.partition} · offset ${item.offset}`),
        h('span', { class: 'muted' }, ` · dead at ${time(item.deadAt)}`),
        item.replayCount ? badge(`replayed ${item.replayCount}×`, 'neutral') : null,
        h('button', { type: 'button', class: 'replay', onclick: () => void replayAll([item.id]) }, 'Replay'),
      ),
      h('p', { class: 'reason' }, h('span', { class: 'error' }, item.reason), h('span', { class: 'muted' }, ` · ${item.attempts} attempt(s)`), orderKey ? [' · order ', orderLink(orderKey[1], orderKey[2])] : item.key ? ` · key ${item.key}` : null),
      replay ? h('p', { class: `outcome ${replay.kind}`, role: 'status', dataset: { outcome: replay.state } }, replay.text) : null,
      h('details', {}, h('summary', {}, 'original message'), h('pre', { class: 'payload' }, pretty(item.payload))),
    );
  }

  async function replayAll(ids) {
    await Promise.all(
      ids.map(async (id) => {
        replays.set(id, { state: 'SENDING', kind: 'pending', text: 'asking its consumer group to replay it…' });
        void refresh().catch(() => undefined);
        const outcome = await commandOutcome(
          () => api(`/v1/ops/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST' }),
          () => replays.set(id, { state: 'SENT', kind: 'pending', text: 'sent; its group has not answered yet…' }),
        );
        replays.set(id, outcome.outcome === 'APPLIED' ? { state: 'PENDING', kind: 'pending', text: `${outcome.message}; waiting for its group to process it…`, follow: true } : { state: 'REFUSED', kind: 'error', text: `refused: ${outcome.message}` });
        selected.delete(id);
      }),
    );
    await refresh();
  }

  /** Asks what became of each replay still in flight. */
  async function followReplays() {
    await Promise.all(
      [...replays.entries()]
        .filter(([, replay]) => replay.follow)
        .map(async ([id, replay]) => {
          const { body } = await api(`/v1/ops/dead-letters/${encodeURIComponent(id)}`);
          const state = body.replay.state;
          if (state === 'PROCESSED') replays.set(id, { ...replay, state, kind: 'ok', text: `processed: ${body.consumerGroup} consumed it again without a failure` });
          else if (state === 'DEAD_LETTERED_AGAIN') replays.set(id, { ...replay, state, kind: 'error', text: `dead-lettered again: ${body.replay.reason}`, follow: false });
        }),
    );
  }

  return { refresh };
}

function pretty(payload) {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
