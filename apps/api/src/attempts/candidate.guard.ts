import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiException } from '../common/api-exception';
import { CandidateTokens } from './candidate-tokens.service';

/**
 * Candidate routes: a valid candidate token of the attempt's live session, or 401 with why:
 * 'session-replaced' (the link was opened again elsewhere) or 'session-ended'.
 */
@Injectable()
export class CandidateGuard implements CanActivate {
  constructor(private readonly tokens: CandidateTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const header = String(request.headers.authorization ?? '');
    const session = await this.tokens.session(header.replace(/^Bearer\s+/i, ''));
    if (typeof session === 'string') throw new ApiException(session);
    request.candidate = session;
    return true;
  }
}
