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
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ImportPostingsResponse, Page, PostingDetail, PostingSummary } from '@rubricon/contracts';
import { MAX_DOCUMENT_BYTES } from '@rubricon/postings';
import { ApiErrors, ApiUploadOrText, JSON_BODY, SIGNED_IN, VALIDATED } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { ImportPostingsDto, ImportPostingsQuery, ListPostingsQuery, UpdatePostingDto } from './postings.dto';
import { ImportPostingsResponseDto, PostingDetailDto, PostingPageDto } from './postings.responses';
import { PostingsService } from './postings.service';
import { IMPORT_REFUSALS } from './posting-refusal';

@ApiTags('postings')
@ApiBearerAuth()
@ApiErrors(...SIGNED_IN)
@Controller('postings')
export class PostingsController {
  constructor(private readonly postings: PostingsService) {}

  @Get()
  @ApiOkResponse({ type: PostingPageDto })
  @ApiErrors(...VALIDATED)
  list(@Query() query: ListPostingsQuery): Promise<Page<PostingSummary>> {
    return this.postings.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PostingDetailDto })
  @ApiErrors(...VALIDATED, 'posting-not-found')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PostingDetail> {
    return this.postings.get(id);
  }

  @Roles('admin', 'hr')
  @Post('import')
  @ApiUploadOrText(
    ImportPostingsDto,
    'A posting document (TXT, Markdown, TSV, HTML): multipart field `file`, or JSON `{ text, filename? }`',
  )
  @ApiCreatedResponse({ type: ImportPostingsResponseDto })
  @ApiErrors('role-required', ...JSON_BODY, 'import-missing', ...IMPORT_REFUSALS)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } }))
  import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: ImportPostingsDto,
    @Query() query: ImportPostingsQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportPostingsResponse> {
    return this.postings.importUploadOrText(file, dto, user.id, query.duplicates);
  }

  @Roles('admin', 'hr')
  @Patch(':id')
  @ApiOkResponse({ type: PostingDetailDto })
  @ApiErrors(
    'role-required',
    ...VALIDATED,
    ...JSON_BODY,
    'nothing-to-change',
    'title-required',
    'duties-required',
    'line-empty',
    'posting-not-found',
  )
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePostingDto): Promise<PostingDetail> {
    return this.postings.update(id, dto);
  }

  @Roles('admin', 'hr')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors('role-required', ...VALIDATED, 'posting-not-found', 'posting-in-use')
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.postings.remove(id);
  }
}
