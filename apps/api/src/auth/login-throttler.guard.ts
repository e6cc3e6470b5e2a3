import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { SIGN_IN_LIMIT_MESSAGE } from './throttler-messages';

/**
 * Sign-in attempts are counted twice: per client address and email (`default`: one account cannot
 * be guessed at), and per address alone (`address`: one client cannot spray many accounts).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(req: Record<string, any>): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${req.ip}|${email}`;
  }

  protected generateKey(context: ExecutionContext, suffix: string, name: string): string {
    return super.generateKey(context, name === 'address' ? suffix.split('|')[0] : suffix, name);
  }

  protected async getErrorMessage(_context: ExecutionContext, _detail: ThrottlerLimitDetail): Promise<string> {
    return SIGN_IN_LIMIT_MESSAGE;
  }
}
