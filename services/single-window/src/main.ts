import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { configureHttp } from '@cbec/http-edge';
import { bootstrapService } from '@cbec/service-kit';
import { AppModule } from './app.module';
import { setupDocuments } from './documents';

void bootstrapService('single-window', AppModule, {
  bodyParser: false,
  configure: (app: INestApplication) => {
    configureHttp(app);
    setupDocuments(app);
  },
});
