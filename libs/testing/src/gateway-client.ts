// A REST call to the gateway as a platform or ops would make it: the key as a Bearer token, a
// JSON body, the answer's status, text and JSON (when it is JSON).
export interface GatewayReply {
  status: number;
  body: any;
  text: string;
  contentType: string | null;
}

export interface GatewayCallOptions {
  /** A Content-Type other than application/json. */
  contentType?: string;
  /** The body as sent, not serialised (for malformed bodies). */
  raw?: string;
}

export type GatewayCall = (method: string, path: string, key?: string, body?: unknown, options?: GatewayCallOptions) => Promise<GatewayReply>;

/** Calls on the gateway at the URL `baseUrl()` gives when called (the system may start later). */
export function gatewayClient(baseUrl: () => string): GatewayCall {
  return async (method, path, key, body, options = {}) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined || options.raw !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const send = () => fetch(`${baseUrl()}${path}`, { method, headers, body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    // A kept-alive connection the server has just closed (idle past its keep-alive timeout) fails
    // the next request on it: a GET is safe to send again on a new one.
    const response = await send().catch((error) => (method === 'GET' ? send() : Promise.reject(error)));
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json, text, contentType: response.headers.get('content-type') };
  };
}
