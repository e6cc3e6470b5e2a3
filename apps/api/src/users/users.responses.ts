import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole, type StaffUser } from '@rubricon/contracts';

export class StaffUserDto implements StaffUser {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' })
  role: StaffRole;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
