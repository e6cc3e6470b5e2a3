import { Module } from '@nestjs/common';
import { PostingsController } from './postings.controller';
import { PostingsRepository } from './postings.repository';
import { PostingsService } from './postings.service';

@Module({
  controllers: [PostingsController],
  providers: [PostingsService, PostingsRepository],
  exports: [PostingsService],
})
export class PostingsModule {}
