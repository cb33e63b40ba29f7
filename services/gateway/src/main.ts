import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { configureHttp } from '@cbec/http-edge';
import { bootstrapService } from '@cbec/service-kit';
import { AppModule } from './app.module';
import { setupDocuments } from './docs/documents';
import { forwardToOps } from './forward-to-ops/forward-to-ops.middleware';
import { opsServiceUrl } from './forward-to-ops/ops-service';

void bootstrapService('gateway', AppModule, {
  bodyParser: false,
  configure: (app: INestApplication) => {
    // Before the body parser: what goes to the ops service goes as it came.
    app.use(forwardToOps(opsServiceUrl()));
    configureHttp(app);
    setupDocuments(app);
  },
});
