// The gateway's documents, wired from main.ts: the OpenAPI document of every REST call (Swagger
// UI at /docs, JSON at /docs-json, bearer keys), built from the controllers and their DTOs, with
// the paths of the calls the ops service answers (taken from its /docs-json when it answers) in
// the JSON. The AsyncAPI document is served by AsyncApiController at /asyncapi. Neither needs a key.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { opsServiceUrl } from '../forward-to-ops/ops-service';
import { DOCUMENT_VERSION } from './asyncapi.controller';

export function setupDocuments(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Cross-border e-commerce import clearance: REST gateway')
    .setDescription(
      'Every /v1 call needs `Authorization: Bearer <key>` (GATEWAY_API_KEYS). A platform key sees and acts on its own orders only (another platform\'s order is a 404); the ops key sees all and alone decides inspections, edits tariffs and replays dead letters. Every 4xx answers `{ error, details: [{ field, message }] }`. The events are described in the AsyncAPI document at /asyncapi.',
    )
    .setVersion(DOCUMENT_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'a key of GATEWAY_API_KEYS' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  app.use('/docs-json', withOpsPaths(document, opsServiceUrl()));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'cbec gateway API' });
}

function withOpsPaths(own: OpenAPIObject, opsUrl: string) {
  let merged: OpenAPIObject | undefined;
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (request.method !== 'GET' || (request.path !== '/' && request.path !== '')) return next();
    if (!merged) {
      const ops = await fetch(`${opsUrl}/docs-json`)
        .then((answer) => (answer.status === 200 ? (answer.json() as Promise<OpenAPIObject>) : undefined))
        .catch(() => undefined);
      if (!ops) return next();
      merged = {
        ...own,
        paths: { ...own.paths, ...ops.paths },
        components: { ...own.components, schemas: { ...ops.components?.schemas, ...own.components?.schemas } },
      };
    }
    response.json(merged);
  };
}
