import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, StaffUser } from '@rubricon/contracts';
import { ApiErrors, JSON_BODY, SIGNED_IN } from '../common/api-docs';
import { ApiException } from '../common/api-exception';
import { AuthUser, CurrentUser, Public } from '../common/auth.decorators';
import { StaffUserDto } from '../users/users.responses';
import { UsersService, toStaffUser } from '../users/users.service';
import { LoginDto } from './auth.dto';
import { LoginResponseDto } from './auth.responses';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(...JSON_BODY, 'credentials-required', 'wrong-credentials', 'too-many-sign-ins')
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: StaffUserDto })
  @ApiErrors(...SIGNED_IN)
  async me(@CurrentUser() user: AuthUser): Promise<StaffUser> {
    const active = await this.users.findActive(user.id);
    // Deactivated between the guard and here.
    if (!active) throw new ApiException('account-inactive');
    return toStaffUser(active);
  }
}
