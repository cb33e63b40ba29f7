// Every call of the console to the gateway's /v1 API, with the ops key as a Bearer token. The key
// lives in this tab's sessionStorage only; a 401 forgets it.
const KEY_STORAGE = 'cbec-ops-key';

export class ApiError extends Error {
  constructor(status, body) {
    super(`${status} ${body?.error ?? 'request failed'}`);
    this.status = status;
    this.body = body ?? {};
    this.details = Array.isArray(body?.details) ? body.details : [];
  }
}

export const session = {
  get key() {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  },
  set key(value) {
    if (value) sessionStorage.setItem(KEY_STORAGE, value);
    else sessionStorage.removeItem(KEY_STORAGE);
  },
};

/** Calls the API; resolves to { status, body } for 2xx, throws ApiError otherwise. */
export async function api(path, { method = 'GET', body, key = session.key } = {}) {
  const headers = { authorization: `Bearer ${key}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  const data = await response.json().catch(() => ({}));
  return answerOf(response, data, key);
}

/** A GET whose answer is text, not JSON (a Single Window message's XML); errors as api(). */
export async function apiText(path, { key = session.key } = {}) {
  const response = await fetch(path, { headers: { authorization: `Bearer ${key}`, accept: 'application/xml, text/plain' }, cache: 'no-store' });
  const text = await response.text();
  if (response.ok) return { status: response.status, body: text };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    data = { error: text };
  }
  return answerOf(response, data, key);
}

function answerOf(response, data, key) {
  if (response.status === 401 && key === session.key) {
    session.key = '';
    window.dispatchEvent(new CustomEvent('console:signed-out', { detail: data.error }));
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, body: data };
}

/** Whether an error says the service behind the call did not answer (the gateway's 503). */
export const notAnswering = (error) => error instanceof ApiError && error.status === 503;

/** A query string of the defined values. */
export function query(parameters) {
  const defined = Object.entries(parameters).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return defined.length ? `?${new URLSearchParams(defined).toString()}` : '';
}

export const orderPath = (platformId, orderId) => `${encodeURIComponent(platformId)}/${encodeURIComponent(orderId)}`;

/**
 * An ops command's reply as the console shows it: APPLIED (200), REFUSED (400/409, with the
 * owner's message and field errors) or PENDING (202), polling the answer link until it comes.
 */
export async function commandOutcome(send, onPending) {
  try {
    const { status, body } = await send();
    if (status !== 202) return { outcome: 'APPLIED', message: body.message ?? 'applied', body };
    onPending?.(body);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const later = await api(body.links.answer).catch((error) => error);
      if (later instanceof ApiError) return { outcome: 'REFUSED', message: later.body.error ?? later.message, details: later.details };
      if (later.status === 200) return { outcome: 'APPLIED', message: later.body.message ?? 'applied', body: later.body };
    }
    return { outcome: 'PENDING', message: `no answer yet; ask ${body.links.answer}` };
  } catch (error) {
    if (error instanceof ApiError) return { outcome: 'REFUSED', message: error.body.error ?? error.message, details: error.details, status: error.status };
    throw error;
  }
}
