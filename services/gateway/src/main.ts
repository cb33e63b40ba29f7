import 'reflect-metadata';
import { bootstrapService } from '@cbec/service-kit';
import { AppModule } from './app.module';
import { configureHttp } from './http/http-setup';

void bootstrapService('gateway', AppModule, { bodyParser: false, configure: configureHttp });
