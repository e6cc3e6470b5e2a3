import { IsIn, IsString, IsUUID, ValidateIf } from 'class-validator';
import { CustomRunInput } from '../../attempts/attempts.dto';

/** Payloads of the room's staff and run events; unknown fields are refused like everywhere else. */
export class RevealDto {
  @IsUUID('4', { message: 'questionId must be a question id of this interview' })
  questionId: string;
}

export class RunDto {
  @IsUUID('4', { message: 'questionId must be a question id of this interview' })
  questionId: string;

  @IsIn(['visible', 'custom'], { message: 'mode must be visible or custom' })
  mode: 'visible' | 'custom';

  @ValidateIf((o: RunDto) => o.mode === 'custom' || o.input !== undefined)
  @CustomRunInput()
  input?: unknown;
}

export class NoteDto {
  // Its size is the service's to check, in UTF-8 bytes ('note-too-long').
  @IsString({ message: 'body must be text' })
  body: string;
}
