import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, IsUUID } from 'class-validator';
import { MaxCodePoints, Optional } from '../common/validation';

const EVENT_TYPES = ['paste', 'blur', 'focus', 'resize', 'hidden', 'visible'] as const;

export class IntegrityEventDto {
  @ApiProperty()
  @IsUUID('4', { message: 'attemptId must be an attempt id' })
  attemptId: string;

  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES, { message: `type must be one of: ${EVENT_TYPES.join(', ')}` })
  type: (typeof EVENT_TYPES)[number];

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxCodePoints(120)
  questionId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsObject()
  detail?: Record<string, number>;
}
