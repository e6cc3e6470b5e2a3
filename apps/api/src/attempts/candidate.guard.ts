import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiException } from '../common/api-exception';
import { CandidateTokens } from './candidate-tokens.service';

/** Candidate routes: a valid candidate token of the attempt's live session, or 401 'session-ended'. */
@Injectable()
export class CandidateGuard implements CanActivate {
  constructor(private readonly tokens: CandidateTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const header = String(request.headers.authorization ?? '');
    const attemptId = await this.tokens.verify(header.replace(/^Bearer\s+/i, ''));
    if (!attemptId) throw new ApiException('session-ended');
    request.candidate = { attemptId };
    return true;
  }
}
