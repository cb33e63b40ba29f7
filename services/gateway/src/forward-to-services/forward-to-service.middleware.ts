// Passes the calls another service serves (forwarded-services.ts) on to it, as they came: method,
// path and query, headers, body; and its answer back: status, headers, body. That service checks
// the key itself. Runs before the gateway's body parser, so the body is passed on untouched.
import type { NextFunction, Request, Response } from 'express';
import { ForwardedService, serviceServing } from './forwarded-services';

/** Hop-by-hop headers, and those fetch sets itself. */
const NOT_PASSED = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'te', 'trailer', 'proxy-connection', 'content-encoding']);

export function forwardToService(urls: Record<ForwardedService, string>) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const target = requestTarget(request.originalUrl);
    const service = target && serviceServing(target.pathname);
    if (!target || !service) return next();
    try {
      const raw = ['GET', 'HEAD'].includes(request.method) ? undefined : await readBody(request);
      const body = raw?.length ? new Uint8Array(raw) : undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined && !NOT_PASSED.has(name)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const answer = await fetch(`${urls[service]}${target.pathname}${target.search}`, { method: request.method, headers, body, redirect: 'manual' });
      response.status(answer.status);
      answer.headers.forEach((value, name) => {
        if (!NOT_PASSED.has(name)) response.setHeader(name, value);
      });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      if (!response.headersSent) response.status(503).json({ error: `the ${service} service is not answering; try again shortly`, details: [] });
    }
  };
}

/** The path and query as the service will read them (dot segments resolved), so the table judges what is really asked. */
function requestTarget(originalUrl: string): { pathname: string; search: string } | undefined {
  try {
    const { pathname, search } = new URL(originalUrl, 'http://gateway');
    return { pathname, search };
  } catch {
    return undefined;
  }
}

function readBody(request: Request): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
