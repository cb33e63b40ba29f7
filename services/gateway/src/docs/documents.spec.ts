import type { OpenAPIObject } from '@nestjs/swagger';
import type { ForwardedService } from '../forward-to-services/forwarded-services';
import { documentWithForwardedPaths } from './documents';

const document = (paths: string[], schemas: string[] = []): OpenAPIObject =>
  ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: Object.fromEntries(paths.map((path) => [path, { get: { summary: path } }])), components: { schemas: Object.fromEntries(schemas.map((name) => [name, { type: 'object', title: name }])) } }) as OpenAPIObject;

describe('documentWithForwardedPaths', () => {
  const gateway = document(['/v1/clearances/{platformId}/{orderId}', '/health'], ['ClearanceViewBody', 'ErrorBody']);

  it('adds the paths each service documents that the gateway passes on to it, and their schemas', () => {
    const services = new Map<ForwardedService, OpenAPIObject>([
      ['ops', document(['/v1/tariffs', '/v1/ops/dead-letters', '/health'], ['TariffBody'])],
      ['single-window', document(['/v1/clearances/{platformId}/{orderId}/messages', '/v1/clearances/{platformId}/{orderId}/messages/{guid}', '/v1/ops/single-window/refused', '/health', '/v1/tariffs'], ['MessageBody', 'ErrorBody'])],
    ]);
    const merged = documentWithForwardedPaths(gateway, services);
    expect(Object.keys(merged.paths).sort()).toEqual([
      '/health',
      '/v1/clearances/{platformId}/{orderId}',
      '/v1/clearances/{platformId}/{orderId}/messages',
      '/v1/clearances/{platformId}/{orderId}/messages/{guid}',
      '/v1/ops/dead-letters',
      '/v1/ops/single-window/refused',
      '/v1/tariffs',
    ]);
    expect(merged.paths['/health']).toBe(gateway.paths['/health']);
    expect(merged.paths['/v1/tariffs']).toBe(services.get('ops')!.paths['/v1/tariffs']);
    expect(Object.keys(merged.components!.schemas!).sort()).toEqual(['ClearanceViewBody', 'ErrorBody', 'MessageBody', 'TariffBody']);
    expect(merged.components!.schemas!.ErrorBody).toBe(gateway.components!.schemas!.ErrorBody);
  });

  it('is the gateway\'s own document while no service has answered', () => {
    expect(documentWithForwardedPaths(gateway, new Map())).toEqual(gateway);
  });
});
