import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StaffUser } from '@rubricon/contracts';
import { ApiErrors, JSON_BODY, SIGNED_IN, VALIDATED } from '../common/api-docs';
import type { ErrorCode } from '@rubricon/contracts';

// What the users form can be refused with (users.dto.ts words them as codes).
const USER_FORM: ErrorCode[] = ['role-unknown', 'email-invalid', 'name-required', 'password-too-short'];
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { StaffUserDto } from './users.responses';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@ApiErrors(...SIGNED_IN, 'role-required')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [StaffUserDto] })
  list(): Promise<StaffUser[]> {
    return this.users.list();
  }

  @Post()
  @ApiCreatedResponse({ type: StaffUserDto })
  @ApiErrors(...JSON_BODY, ...USER_FORM, 'email-taken')
  create(@Body() dto: CreateUserDto): Promise<StaffUser> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: StaffUserDto })
  @ApiErrors(...VALIDATED, ...JSON_BODY, ...USER_FORM, 'user-not-found', 'self-demotion')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() me: AuthUser,
  ): Promise<StaffUser> {
    return this.users.update(id, dto, me.id);
  }
}
