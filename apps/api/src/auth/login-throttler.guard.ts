import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiException } from '../common/api-exception';

/**
 * Sign-in attempts are counted twice: per client address and email (`default`: one account cannot
 * be guessed at), and per address alone (`address`: one client cannot spray many accounts).
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(req: { ip?: string; body?: { email?: unknown } }): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${req.ip}|${email}`;
  }

  protected generateKey(context: ExecutionContext, suffix: string, name: string): string {
    return super.generateKey(context, name === 'address' ? suffix.split('|')[0] : suffix, name);
  }

  protected async throwThrottlingException(): Promise<void> {
    throw new ApiException('too-many-sign-ins');
  }
}
