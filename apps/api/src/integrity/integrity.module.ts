import { Module } from '@nestjs/common';
import { IntegrityRepository } from './integrity.repository';
import { IntegrityService } from './integrity.service';

@Module({
  providers: [IntegrityService, IntegrityRepository],
  exports: [IntegrityService],
})
export class IntegrityModule {}
