import { ApiProperty } from '@nestjs/swagger';
import type { AuditAction, AuditEntryView, Page } from '@rubricon/contracts';
import { AUDIT_ACTIONS } from './audit.dto';

class AuditActorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: "The user's current name; empty for a user since gone." })
  name: string;

  @ApiProperty({ description: 'Their email when they acted.' })
  email: string;

  @ApiProperty({ description: 'Their role when they acted.' })
  role: string;
}

class AuditTargetDto {
  @ApiProperty()
  type: string;

  @ApiProperty()
  id: string;
}

export class AuditEntryDto implements AuditEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'Null for the system.' })
  actor: AuditActorDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'The caller’s address as the server saw it.' })
  ip: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action: AuditAction;

  @ApiProperty({ type: AuditTargetDto })
  target: AuditTargetDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed: field -> { from, to }, or the values recorded.',
  })
  changes: Record<string, unknown>;
}

export class AuditPageDto implements Page<AuditEntryView> {
  @ApiProperty({ type: [AuditEntryDto] })
  items: AuditEntryDto[];

  @ApiProperty({ description: 'All entries that match, beyond this page.' })
  total: number;
}
