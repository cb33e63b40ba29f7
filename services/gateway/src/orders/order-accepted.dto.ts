// What POST /v1/orders answers (CONTRACT 5), for the OpenAPI document.
import { ApiProperty } from '@nestjs/swagger';
import { CLEARANCE_STATUSES } from '@cbec/contracts';

export class OrderLinksBody {
  @ApiProperty({ example: '/v1/clearances/tmall-global/TG20261111000123' }) self: string;
}

export class OrderAcceptedBody {
  @ApiProperty({ example: 'tmall-global' }) platformId: string;
  @ApiProperty({ example: 'TG20261111000123' }) orderId: string;
  @ApiProperty({ enum: CLEARANCE_STATUSES, example: 'RECEIVED', description: 'RECEIVED for a new or corrected order; the current status for the same order sent again' }) status: string;
  @ApiProperty({ type: OrderLinksBody }) links: OrderLinksBody;
}
