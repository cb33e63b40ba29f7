// Passes the calls the ops service serves (ops-service.ts) on to it, as they came: method, path
// and query, headers, body; and its answer back: status, headers, body. The ops service checks
// the key itself. Runs before the gateway's body parser, so the body is passed on untouched.
import type { NextFunction, Request, Response } from 'express';
import { isServedByOps } from './ops-service';

/** Hop-by-hop headers, and those fetch sets itself. */
const NOT_PASSED = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'te', 'trailer', 'proxy-connection', 'content-encoding']);

export function forwardToOps(opsUrl: string) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (!isServedByOps(request.path)) return next();
    try {
      const raw = ['GET', 'HEAD'].includes(request.method) ? undefined : await readBody(request);
      const body = raw?.length ? new Uint8Array(raw) : undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined && !NOT_PASSED.has(name)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const answer = await fetch(`${opsUrl}${request.originalUrl}`, { method: request.method, headers, body, redirect: 'manual' });
      response.status(answer.status);
      answer.headers.forEach((value, name) => {
        if (!NOT_PASSED.has(name)) response.setHeader(name, value);
      });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      if (!response.headersSent) response.status(503).json({ error: 'the ops service is not answering; try again shortly', details: [] });
    }
  };
}

function readBody(request: Request): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
