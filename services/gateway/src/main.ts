import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { configureHttp } from '@cbec/http-edge';
import { bootstrapService } from '@cbec/service-kit';
import { AppModule } from './app.module';
import { setupDocuments } from './docs/documents';
import { forwardToService } from './forward-to-services/forward-to-service.middleware';
import { forwardedServiceUrls } from './forward-to-services/forwarded-services';

void bootstrapService('gateway', AppModule, {
  bodyParser: false,
  configure: (app: INestApplication) => {
    const serviceUrls = forwardedServiceUrls();
    // Before the body parser: what goes to the ops or Single Window service goes as it came.
    app.use(forwardToService(serviceUrls));
    configureHttp(app);
    setupDocuments(app, serviceUrls);
  },
});
