import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ImportPostingsResponse, Page, PostingDetail, PostingSummary } from '@rubricon/contracts';
import { MAX_DOCUMENT_BYTES } from '@rubricon/postings';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { ImportPostingsDto, ListPostingsQuery, UpdatePostingDto } from './postings.dto';
import { PostingsService } from './postings.service';

@ApiTags('postings')
@ApiBearerAuth()
@Controller('postings')
export class PostingsController {
  constructor(private readonly postings: PostingsService) {}

  @Get()
  list(@Query() query: ListPostingsQuery): Promise<Page<PostingSummary>> {
    return this.postings.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PostingDetail> {
    return this.postings.get(id);
  }

  @Roles('admin', 'hr')
  @Post('import')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ description: 'multipart field `file` (TXT, Markdown, TSV, HTML), or JSON `{ text, filename? }`' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } }))
  import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: ImportPostingsDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportPostingsResponse> {
    return this.postings.importUploadOrText(file, dto, user.id);
  }

  @Roles('admin', 'hr')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePostingDto): Promise<PostingDetail> {
    return this.postings.update(id, dto);
  }

  @Roles('admin', 'hr')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.postings.remove(id);
  }
}
