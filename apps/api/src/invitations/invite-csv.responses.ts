import { ApiProperty } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode, type InviteCsvResponse, type SkippedCsvLine } from '@rubricon/contracts';
import { InvitationLinkDto } from './invitations.responses';

class SkippedCsvLineDto implements SkippedCsvLine {
  @ApiProperty({ description: "The file's line, the header being line 1." })
  line: number;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', description: 'Why: candidate-already-invited.' })
  code: ErrorCode;
}

export class InviteCsvResponseDto implements InviteCsvResponse {
  @ApiProperty({ type: [InvitationLinkDto], description: 'One per candidate invited by this file.' })
  links: InvitationLinkDto[];

  @ApiProperty({ type: [SkippedCsvLineDto], description: 'Lines not invited, each with the code of why.' })
  skipped: SkippedCsvLineDto[];
}
