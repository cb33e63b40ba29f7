// The clearance calls of the REST API: reading the read model, and a platform's requests.
import { ClearanceQueries } from './clearance-queries.service';
import { ClearancesController } from './clearances.http.controller';
import { PlatformRequestsController } from './platform-requests.http.controller';
import { SubmitPlatformRequest } from './submit-platform-request.service';

export const CLEARANCES = {
  controllers: [ClearancesController, PlatformRequestsController],
  providers: [ClearanceQueries, SubmitPlatformRequest],
};
