// The HTTP edge: JSON bodies up to 1 MiB, 415 for other content types, and the
// body parser's own failures answered in the contract's error shape (they happen before Nest).
import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';

export const BODY_LIMIT = '1mb';

export function configureHttp(app: INestApplication): void {
  app.use(requireJsonBodies);
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(bodyParserErrors);
}

function requireJsonBodies(request: Request, response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(request.method) && hasBody && !request.is(['application/json', 'application/*+json'])) {
    response.status(415).json({ error: `content type ${request.headers['content-type'] ?? '(none)'} is not supported; send application/json`, details: [{ field: 'content-type', message: 'must be application/json' }] });
    return;
  }
  next();
}

function bodyParserErrors(error: { type?: string; message?: string } | undefined, _request: Request, response: Response, next: NextFunction): void {
  if (!error) return next();
  if (error.type === 'entity.too.large') {
    response.status(413).json({ error: `request body is larger than ${BODY_LIMIT}`, details: [] });
    return;
  }
  if (error.type === 'entity.parse.failed') {
    response.status(400).json({ error: 'request body is not valid JSON', details: [{ message: error.message ?? 'malformed JSON' }] });
    return;
  }
  next(error);
}
