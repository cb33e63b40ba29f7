// The clearance calls of the REST API: reading the read model, and a platform's requests.
import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module';
import { ClearanceQueries } from './clearance-queries.service';
import { ClearancesController } from './clearances.http.controller';
import { PlatformRequestsController } from './platform-requests.http.controller';
import { SubmitPlatformRequest } from './submit-platform-request.service';

@Module({
  imports: [ReadModelModule],
  controllers: [ClearancesController, PlatformRequestsController],
  providers: [ClearanceQueries, SubmitPlatformRequest],
})
export class ClearancesModule {}
