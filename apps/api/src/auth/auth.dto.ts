import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { coded } from '../common/validation';

// An empty field on the sign-in page is the person's to fix, worded by the page: not a malformed call.
const credentialsRequired = coded('credentials-required');

export class LoginDto {
  @ApiProperty()
  @IsString({ context: credentialsRequired })
  @MinLength(3, { context: credentialsRequired })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString({ context: credentialsRequired })
  @MinLength(1, { context: credentialsRequired })
  @MaxLength(200)
  password: string;
}
