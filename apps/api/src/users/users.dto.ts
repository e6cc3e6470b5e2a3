import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@rubricon/contracts';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { coded, MaxCodePoints, Optional, Trim } from '../common/validation';

// The refusals a person meets in the users form get codes, so the staff app words them in zh and en.
const roleUnknown = coded('role-unknown', (value) => ({
  role: String(value).slice(0, 40),
  roles: STAFF_ROLES.join(', '),
}));
const emailInvalid = coded('email-invalid', (value) => ({ email: String(value).slice(0, 254) }));
const nameRequired = coded('name-required');
const passwordTooShort = coded('password-too-short', () => ({ min: 10 }));

export class CreateUserDto {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address', context: emailInvalid })
  @MaxCodePoints(254)
  email: string;

  @ApiProperty()
  @Trim()
  @IsString({ message: 'name is required' })
  @MinLength(1, { message: 'name cannot be empty', context: nameRequired })
  @MaxCodePoints(120)
  name: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}`, context: roleUnknown })
  role: StaffRole;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters', context: passwordTooShort })
  @MaxLength(200)
  password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name cannot be empty', context: nameRequired })
  @MaxCodePoints(120)
  name?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @Optional()
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}`, context: roleUnknown })
  role?: StaffRole;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters', context: passwordTooShort })
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  active?: boolean;
}
