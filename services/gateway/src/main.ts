import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { bootstrapService } from '@cbec/service-kit';
import { AppModule } from './app.module';
import { setupDocuments } from './docs/documents';
import { configureHttp } from './http/http-setup';

void bootstrapService('gateway', AppModule, {
  bodyParser: false,
  configure: (app: INestApplication) => {
    configureHttp(app);
    setupDocuments(app);
  },
});
