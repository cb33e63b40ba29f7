// GET /v1/ops/topics (ops key): every topic and every consumer group, from the Kafka admin API.
import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBody } from '@cbec/http-edge';
import { ApiKeyGuard, OpsOnly } from '@cbec/http-edge';
import { ClusterViewBody } from './cluster-view.dto';
import { ClusterView } from './cluster-view.service';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops/topics')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class ClusterViewController {
  constructor(private readonly cluster: ClusterView) {}

  @Get()
  @ApiOperation({ summary: 'Topics with partitions, offsets and message rate; consumer groups with their lag per partition (ops key)' })
  @ApiOkResponse({ type: ClusterViewBody })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiForbiddenResponse({ type: ErrorBody })
  read(): Promise<ClusterViewBody> {
    return this.cluster.read();
  }
}
