// /health/live, /health/ready (database ping and the one long-lived Kafka admin), /health, /metrics.
import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Messaging, metricsRegistry } from '@cbec/messaging';

@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
  ) {}

  @Get('health/live')
  live(@Res() res: Response) {
    const ok = this.messaging.live;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'down', consumer: ok ? 'running' : 'crashed' });
  }

  @Get(['health', 'health/ready'])
  async ready(@Res() res: Response) {
    const [database, kafka] = await Promise.all([
      this.dataSource.query('SELECT 1').then(() => true, () => false),
      this.messaging.kafkaReady(),
    ]);
    const ok = database && kafka && this.messaging.live;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: up(database), kafka: up(kafka), consumer: this.messaging.live ? 'running' : 'crashed' });
  }

  @Get('metrics')
  @HttpCode(200)
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

function up(ok: boolean): 'up' | 'down' {
  return ok ? 'up' : 'down';
}
