// The replies of ops commands, for the OpenAPI document.
import { ApiProperty } from '@nestjs/swagger';

export class CommandAppliedBody {
  @ApiProperty({ description: 'the command event id' }) requestId: string;
  @ApiProperty({ enum: ['APPLIED'] }) outcome: 'APPLIED';
  @ApiProperty({ example: 'officer released the order' }) message: string;
}

export class CommandLinks {
  @ApiProperty({ example: '/v1/ops/commands/0b8f3c1e-3a43-4c5e-9b43-3f8e2f0d6a11', description: 'GET it to learn the answer later' }) answer: string;
}

export class CommandPendingBody {
  @ApiProperty({ description: 'the command event id' }) requestId: string;
  @ApiProperty({ enum: ['PENDING'] }) status: 'PENDING';
  @ApiProperty({ type: CommandLinks }) links: CommandLinks;
}
