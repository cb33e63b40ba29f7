// The Single Window service's OpenAPI document (JSON at /docs-json): the gateway merges its paths
// into its own, so the calls it forwards here are documented where clients call them.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setupDocuments(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Cross-border e-commerce import clearance: Single Window')
    .setDescription('An order\'s messages to and from the Single Window, and the ops calls of the exchange; reached through the gateway at the same paths.')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'a key of GATEWAY_API_KEYS' })
    .build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json', customSiteTitle: 'cbec Single Window API' });
}
