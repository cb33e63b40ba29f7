// The middleware between two local HTTP servers: a gateway with it in front of its own routes,
// and a stand-in for the Single Window service.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { forwardToService } from './forward-to-service.middleware';

function listen(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) })),
  );
}

describe('forwardToService', () => {
  const asked: { method: string; url: string; authorization?: string; body: string }[] = [];
  let singleWindow: Awaited<ReturnType<typeof listen>>;
  let gateway: Awaited<ReturnType<typeof listen>>;
  const nobody = 'http://127.0.0.1:9';

  beforeAll(async () => {
    singleWindow = await listen((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        asked.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, body });
        response.writeHead(request.method === 'POST' ? 202 : 200, { 'content-type': request.url!.includes('/messages/') ? 'application/xml' : 'application/json' });
        response.end(request.url!.includes('/messages/') ? '<CEB621Message/>' : JSON.stringify({ ok: true }));
      });
    });
    const app = express();
    app.use(forwardToService({ ops: nobody, 'single-window': singleWindow.url }));
    app.use((request, response) => response.status(299).json({ servedBy: 'gateway', path: request.path }));
    gateway = await listen(app);
  });

  afterAll(async () => {
    await gateway.close();
    await singleWindow.close();
  });

  beforeEach(() => asked.splice(0));

  it('passes an order\'s messages on to the Single Window service with the key, and its XML answer back as it came', async () => {
    const answer = await fetch(`${gateway.url}/v1/clearances/tmall-global/TG-1/messages/ABC?x=1`, { headers: { authorization: 'Bearer k' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/xml');
    expect(await answer.text()).toBe('<CEB621Message/>');
    expect(asked).toEqual([{ method: 'GET', url: '/v1/clearances/tmall-global/TG-1/messages/ABC?x=1', authorization: 'Bearer k', body: '' }]);
  });

  it('passes a body on untouched', async () => {
    const body = '{"messageType":"CEB621"}';
    const answer = await fetch(`${gateway.url}/v1/ops/single-window/tmall-global/TG-1/resend`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(answer.status).toBe(202);
    expect(asked).toEqual([expect.objectContaining({ method: 'POST', url: '/v1/ops/single-window/tmall-global/TG-1/resend', body })]);
  });

  it('answers 503 naming the service when it does not answer', async () => {
    const answer = await fetch(`${gateway.url}/v1/tariffs`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ error: 'the ops service is not answering; try again shortly', details: [] });
  });

  it('judges the path as the service will read it, dot segments resolved', async () => {
    // Sent as written (fetch would resolve the dots itself): it reaches the service at the path the table judged.
    const status = await new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(gateway.url);
      http.get({ hostname, port, path: '/v1/tariffs/../clearances/a/b/messages/x/%2e%2e/y' }, (response) => (response.resume(), resolve(response.statusCode!))).on('error', reject);
    });
    expect(status).toBe(200);
    expect(asked.map((call) => call.url)).toEqual(['/v1/clearances/a/b/messages/y']);
  });

  it('leaves the gateway\'s own paths to the gateway', async () => {
    const answer = await fetch(`${gateway.url}/v1/clearances/tmall-global/TG-1`);
    expect(answer.status).toBe(299);
    expect(asked).toEqual([]);
  });
});
