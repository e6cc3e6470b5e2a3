import { ApiProperty } from '@nestjs/swagger';
import type { Dialect } from '../database/database';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ enum: ['sqlite', 'mysql'] satisfies Dialect[] })
  database: Dialect;
}

export class ReadyDto {
  @ApiProperty({ enum: ['ready'] })
  status: 'ready';
}
