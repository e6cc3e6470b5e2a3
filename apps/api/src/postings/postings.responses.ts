import { ApiProperty, OmitType } from '@nestjs/swagger';
import type {
  ImportPostingsResponse,
  Page,
  PostingDetail,
  PostingDuplicate,
  PostingSummary,
} from '@rubricon/contracts';

export class PostingSummaryDto implements PostingSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  department: string | null;

  @ApiProperty({ type: String, nullable: true })
  location: string | null;

  @ApiProperty({ type: Number, nullable: true })
  headcount: number | null;

  @ApiProperty()
  dutyCount: number;

  @ApiProperty()
  requirementCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class PostingDetailDto
  extends OmitType(PostingSummaryDto, ['dutyCount', 'requirementCount'] as const)
  implements PostingDetail
{
  @ApiProperty({ type: [String] })
  duties: string[];

  @ApiProperty({ type: [String] })
  requirements: string[];

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PostingPageDto implements Page<PostingSummary> {
  @ApiProperty({ type: [PostingSummaryDto] })
  items: PostingSummaryDto[];

  @ApiProperty({ description: 'All postings that match, beyond this page.' })
  total: number;
}

class ExistingPostingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;
}

class PostingDuplicateDto implements PostingDuplicate {
  @ApiProperty({ description: 'Position of the posting in the document, from 0.' })
  index: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [ExistingPostingDto], description: 'Stored postings with the same content, oldest first.' })
  existing: ExistingPostingDto[];
}

export class ImportPostingsResponseDto implements ImportPostingsResponse {
  @ApiProperty({ description: 'The format the document was read as: txt, markdown, tsv or html.' })
  format: string;

  @ApiProperty({ type: [String] })
  warnings: string[];

  @ApiProperty({ type: [PostingDetailDto], description: 'The postings this import saved.' })
  items: PostingDetailDto[];

  @ApiProperty({ type: [PostingDuplicateDto], description: 'Postings of the document already stored.' })
  duplicates: PostingDuplicateDto[];

  @ApiProperty({
    description: 'True when nothing was saved because duplicates=report found some: skip them or import anyway.',
  })
  awaitingChoice: boolean;
}
