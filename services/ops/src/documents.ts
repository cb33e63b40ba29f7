// The ops service's OpenAPI document (JSON at /docs-json): the gateway merges its paths into its
// own, so the calls it forwards here are documented where clients call them.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setupDocuments(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Cross-border e-commerce import clearance: ops')
    .setDescription('Ops commands, dead letters, the cluster and the tariff copy; reached through the gateway at the same paths, with the ops key.')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'a key of GATEWAY_API_KEYS' })
    .build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json', customSiteTitle: 'cbec ops API' });
}
