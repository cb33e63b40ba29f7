// The services that answer some of the gateway's paths themselves: which paths each one serves,
// and where it answers. Clients keep calling those paths on the gateway's port (CONTRACT 5, 8.5);
// the gateway passes them on (forward-to-service.middleware.ts) and shows them in its
// /docs-json (docs/documents.ts). Each of these services checks the key itself.
import { servicePort } from '@cbec/service-kit';

export const FORWARDED_SERVICES = ['ops', 'single-window'] as const;
export type ForwardedService = (typeof FORWARDED_SERVICES)[number];

/** Which service serves a path: the first row whose pattern matches it. */
export const FORWARDED_PATHS: readonly { pattern: RegExp; service: ForwardedService }[] = [
  // Ops commands and their answers, dead letters, the cluster, inspection decisions, tariffs, and the console's files.
  { pattern: /^\/v1\/ops\/(commands|dead-letters|topics|pipeline)(\/|$)/, service: 'ops' },
  { pattern: /^\/v1\/inspections\//, service: 'ops' },
  { pattern: /^\/v1\/tariffs(\/|$)/, service: 'ops' },
  { pattern: /^\/console\//, service: 'ops' },
  { pattern: /^\/$/, service: 'ops' },
  // An order's Single Window messages and their XML, and the Single Window's ops calls (CONTRACT 8.5).
  { pattern: /^\/v1\/clearances\/[^/]+\/[^/]+\/messages(\/|$)/, service: 'single-window' },
  { pattern: /^\/v1\/ops\/single-window(\/|$)/, service: 'single-window' },
];

/** The service that serves this path, or undefined when the gateway answers it itself. */
export function serviceServing(path: string): ForwardedService | undefined {
  return FORWARDED_PATHS.find((row) => row.pattern.test(path))?.service;
}

/**
 * Whether a path of a service's OpenAPI document (`/v1/clearances/{platformId}/{orderId}/messages`)
 * is one the gateway passes on to that service: only those are shown in the gateway's document.
 */
export function isForwardedTo(service: ForwardedService, documentedPath: string): boolean {
  return serviceServing(documentedPath.replace(/\{[^/{}]+\}/g, 'x')) === service;
}

const DEFAULT_PORTS: Record<ForwardedService, number> = { ops: 3106, 'single-window': 3107 };

/** Where each service answers: `<SERVICE>_URL` (OPS_URL, SINGLE_WINDOW_URL), else 127.0.0.1 on `<SERVICE>_PORT`. */
export function forwardedServiceUrls(env: NodeJS.ProcessEnv = process.env): Record<ForwardedService, string> {
  return Object.fromEntries(FORWARDED_SERVICES.map((service) => [service, urlOf(service, env)])) as Record<ForwardedService, string>;
}

function urlOf(service: ForwardedService, env: NodeJS.ProcessEnv): string {
  const configured = env[`${service.toUpperCase().replace(/-/g, '_')}_URL`];
  return (configured || `http://127.0.0.1:${servicePort(service, DEFAULT_PORTS[service], env)}`).replace(/\/+$/, '');
}
