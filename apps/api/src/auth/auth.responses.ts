import { ApiProperty } from '@nestjs/swagger';
import type { LoginResponse } from '@rubricon/contracts';

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'Bearer token for the staff routes.' })
  accessToken: string;
}
