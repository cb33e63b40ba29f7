// The header's search box: "platformId/orderId" opens that order's view at once; an order id alone
// is looked up in the clearance list (exact id), opened when one platform has it, else the
// platforms that do are offered.
import { api, orderPath, query } from './api.js';
import { errorText, fill, h } from './dom.js';

export function mountFindOrder(form) {
  const input = form.querySelector('input');
  const message = form.querySelector('[role="status"]');
  const open = (platformId, orderId) => {
    fill(message);
    input.value = '';
    location.hash = `#/orders/${orderPath(platformId, orderId)}`;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const slash = text.indexOf('/');
    if (slash > 0 && slash < text.length - 1) return open(text.slice(0, slash), text.slice(slash + 1));
    try {
      const { body } = await api(`/v1/clearances${query({ orderId: text, limit: 50 })}`);
      const found = body.items.filter((clearance) => clearance.orderId === text);
      if (found.length === 1) return open(found[0].platformId, found[0].orderId);
      if (found.length === 0) return fill(message, `no order ${text}`);
      fill(message, `${text} at:`, ...found.map((c) => h('a', { href: `#/orders/${orderPath(c.platformId, c.orderId)}`, onclick: () => fill(message) }, c.platformId)));
    } catch (error) {
      fill(message, errorText(error));
    }
  });
}
