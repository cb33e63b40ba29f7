import 'reflect-metadata';
import { bootstrapService } from '@cbec/service-kit';
import { AppModule } from './app.module';

void bootstrapService('tax-permit', AppModule);
