import { Module } from '@nestjs/common';
import { StaffTokens } from '../common/staff-tokens';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, StaffTokens],
  exports: [UsersService, StaffTokens],
})
export class UsersModule {}
