import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentImportEntity } from './document-import.entity';
import { PostingLineEntity } from './posting-line.entity';
import { PostingEntity } from './posting.entity';
import { PostingsController } from './postings.controller';
import { PostingsService } from './postings.service';

@Module({
  imports: [TypeOrmModule.forFeature([PostingEntity, PostingLineEntity, DocumentImportEntity])],
  controllers: [PostingsController],
  providers: [PostingsService],
  exports: [PostingsService],
})
export class PostingsModule {}
