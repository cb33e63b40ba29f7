// The ops console: asks for the ops key, then shows one view at a time (the hash names it) and
// refreshes it every two seconds while the tab is visible. Each view module exports
// mount(container, params) returning { refresh(), destroy?() }.
import { api, ApiError, session } from './api.js';
import { errorText, fill, h } from './dom.js';
import { mountFindOrder } from './find-order.js';
import * as deadLetters from './views/dead-letters.js';
import * as inspections from './views/inspections.js';
import * as order from './views/order.js';
import * as orders from './views/orders.js';
import * as overview from './views/overview.js';
import * as singleWindow from './views/single-window.js';
import * as tariffs from './views/tariffs.js';
import * as topics from './views/topics.js';

const REFRESH_MS = 2000;
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const sessionBar = document.getElementById('session');
const search = document.getElementById('find-order');
const live = document.getElementById('live');

let current;
let refreshing = false;

/** '#/orders/tmall-global/TG1' -> { view: order, params: ['tmall-global', 'TG1'], name: 'orders' } */
function route(hash) {
  const [name = 'overview', ...rest] = hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  if (name === 'orders' && rest.length === 2) return { name, view: order, params: rest };
  const views = { overview, orders, topics, 'dead-letters': deadLetters, inspections, 'single-window': singleWindow, tariffs };
  return views[name] ? { name, view: views[name], params: rest } : { name: 'overview', view: overview, params: [] };
}

function show() {
  current?.instance.destroy?.();
  current = undefined;
  if (!session.key) return login();
  nav.hidden = false;
  sessionBar.hidden = false;
  search.hidden = false;
  const { name, view, params } = route(location.hash);
  for (const link of nav.querySelectorAll('a')) link.classList.toggle('active', link.dataset.view === name);
  const container = h('div', { class: 'view', dataset: { view: name } });
  fill(main, container);
  current = { instance: view.mount(container, params) };
  void refresh();
}

async function refresh() {
  if (!current || refreshing) return;
  refreshing = true;
  const instance = current.instance;
  try {
    await instance.refresh();
    live.className = 'live';
    live.textContent = `live · ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    live.className = 'live stale';
    live.textContent = `not updated: ${errorText(error)}`;
  } finally {
    refreshing = false;
  }
}

function login(message) {
  nav.hidden = true;
  sessionBar.hidden = true;
  search.hidden = true;
  const input = h('input', { id: 'ops-key', name: 'ops-key', type: 'password', autocomplete: 'off', required: true, placeholder: 'ops key', 'aria-label': 'ops key' });
  const note = h('p', { class: message ? 'error' : 'muted', id: 'login-message', role: 'status' }, message ?? 'The console works with the ops key (GATEWAY_API_KEYS, platform id "ops"); a platform key cannot open it.');
  const form = h(
    'form',
    {
      class: 'login panel',
      onsubmit: async (event) => {
        event.preventDefault();
        const key = input.value.trim();
        try {
          await api('/v1/ops/overview', { key });
          session.key = key;
          if (!location.hash || location.hash === '#/') location.hash = '#/overview';
          show();
        } catch (error) {
          note.className = 'error';
          note.textContent = error instanceof ApiError && error.status === 401 ? 'Unknown key (401).' : error instanceof ApiError && error.status === 403 ? 'That is a platform key: the console needs the ops key (403).' : errorText(error);
        }
      },
    },
    h('h1', {}, 'Ops console'),
    h('p', {}, 'Where every order is, what is stuck, which consumer lags, what sits in the dead letters, what customs answered; and the actions: decide inspections, edit tariffs, replay dead letters, re-send what the Single Window refused.'),
    h('label', { for: 'ops-key' }, 'Ops key'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Open the console')),
    note,
  );
  fill(main, form);
  input.focus();
}

document.getElementById('logout').addEventListener('click', () => {
  session.key = '';
  show();
});
window.addEventListener('console:signed-out', (event) => login(`Signed out: ${event.detail ?? 'the key is no longer valid'} (401).`));
mountFindOrder(search);
window.addEventListener('hashchange', show);
document.addEventListener('visibilitychange', () => document.hidden || void refresh());
setInterval(() => document.hidden || void refresh(), REFRESH_MS);
show();
