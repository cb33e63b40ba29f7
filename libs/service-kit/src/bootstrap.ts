// Starts a service's Nest application: JSON logs, shutdown on SIGTERM/SIGINT, one clear line
// and exit code 1 when it cannot start.
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@cbec/messaging';
import { ConfigError, readBaseConfig, servicePort } from './config';
import { NestPinoLogger } from './nest-logger';

export const SERVICE_PORTS = {
  gateway: 3000,
  order: 3101,
  declaration: 3102,
  inspection: 3103,
  'tax-permit': 3104,
  logistics: 3105,
  ops: 3106,
  'single-window': 3107,
} as const;

export interface BootstrapOptions {
  /** Nest's own JSON body parser; the gateway sets up its own (limits, error shapes). */
  bodyParser?: boolean;
  /** Last wiring before listening: middleware, documents. */
  configure?: (app: INestApplication) => void | Promise<void>;
}

export async function bootstrapService(service: keyof typeof SERVICE_PORTS, module: Type<unknown>, options: BootstrapOptions = {}): Promise<INestApplication> {
  const log = createLogger(service);
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  try {
    const { host } = readBaseConfig();
    const port = servicePort(service, SERVICE_PORTS[service]);
    const app = await NestFactory.create(module, { logger: new NestPinoLogger(log), abortOnError: false, bodyParser: options.bodyParser ?? true });
    app.enableShutdownHooks();
    await options.configure?.(app);
    await app.listen(port, host);
    log.info({ port: app.getHttpServer().address().port }, `${service} service ready on http://127.0.0.1:${app.getHttpServer().address().port} (GET /health, /metrics)`);
    return app;
  } catch (error) {
    // A lib below the service kit (libs/single-window) throws a ConfigError of its own: known by its name.
    const isConfigError = error instanceof ConfigError || (error as Error)?.name === 'ConfigError';
    const line = isConfigError ? `configuration: ${(error as Error).message}` : `cannot start: ${(error as Error)?.message ?? error}`;
    log.fatal({ err: error }, line);
    process.stderr.write(`${service}: ${line}\n`);
    process.exit(1);
  }
}
