// The gateway's documents, wired from main.ts: the OpenAPI document of every REST call (Swagger
// UI at /docs, JSON at /docs-json, bearer keys), built from the controllers and their DTOs, with
// the paths of the calls the ops and Single Window services answer (taken from their /docs-json
// when they answer) in the JSON. The AsyncAPI document is served by AsyncApiController at
// /asyncapi. Neither needs a key.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { FORWARDED_SERVICES, ForwardedService, isForwardedTo } from '../forward-to-services/forwarded-services';
import { DOCUMENT_VERSION } from './asyncapi.controller';

export function setupDocuments(app: INestApplication, forwardedServices: Record<ForwardedService, string>): void {
  const config = new DocumentBuilder()
    .setTitle('Cross-border e-commerce import clearance: REST gateway')
    .setDescription(
      'Every /v1 call needs `Authorization: Bearer <key>` (GATEWAY_API_KEYS). A platform key sees and acts on its own orders only (another platform\'s order is a 404); the ops key sees all and alone decides inspections, edits tariffs and replays dead letters. Every 4xx answers `{ error, details: [{ field, message }] }`. The events are described in the AsyncAPI document at /asyncapi.',
    )
    .setVersion(DOCUMENT_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'a key of GATEWAY_API_KEYS' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  app.use('/docs-json', withForwardedPaths(document, forwardedServices));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'cbec gateway API' });
}

/**
 * The gateway's own document with the paths each forwarded service documents for the calls the
 * gateway passes on to it. A service's document is asked for until it answers, then kept; the
 * services that do not answer yet are left out of that answer.
 */
function withForwardedPaths(own: OpenAPIObject, urls: Record<ForwardedService, string>) {
  const fetched = new Map<ForwardedService, OpenAPIObject>();
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (request.method !== 'GET' || (request.path !== '/' && request.path !== '')) return next();
    await Promise.all(
      FORWARDED_SERVICES.filter((service) => !fetched.has(service)).map(async (service) => {
        const document = await fetch(`${urls[service]}/docs-json`)
          .then((answer) => (answer.status === 200 ? (answer.json() as Promise<OpenAPIObject>) : undefined))
          .catch(() => undefined);
        if (document) fetched.set(service, document);
      }),
    );
    response.json(documentWithForwardedPaths(own, fetched));
  };
}

/** The gateway's paths, and those of each service's document that the gateway passes on to it. */
export function documentWithForwardedPaths(own: OpenAPIObject, documents: Map<ForwardedService, OpenAPIObject>): OpenAPIObject {
  const paths = { ...own.paths };
  let schemas = {};
  for (const service of FORWARDED_SERVICES) {
    const document = documents.get(service);
    if (!document) continue;
    for (const [path, item] of Object.entries(document.paths ?? {})) if (isForwardedTo(service, path)) paths[path] = item;
    schemas = { ...schemas, ...document.components?.schemas };
  }
  return { ...own, paths, components: { ...own.components, schemas: { ...schemas, ...own.components?.schemas } } };
}
