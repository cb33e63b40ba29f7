// The clearance read model (CONTRACT 5's view and timeline): the projection the outbound
// translator, the inbound handler and the REST calls apply events through.
import { Module } from '@nestjs/common';
import { ClearanceProjector, clearanceProjectionProvider } from './clearance-projector.service';

@Module({
  providers: [ClearanceProjector, clearanceProjectionProvider],
  exports: [ClearanceProjector, clearanceProjectionProvider],
})
export class ReadModelModule {}
