import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@rubricon/contracts';
import { ApiException } from '../common/api-exception';
import { credentialsStamp, UsersService } from '../users/users.service';
import { DUMMY_HASH, verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  /** A wrong email and a wrong password get the same answer, after the same amount of work. */
  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !user.active || !ok) throw new ApiException('wrong-credentials');
    return { accessToken: await this.jwt.signAsync({ sub: user.id, role: user.role, pwc: credentialsStamp(user) }) };
  }
}
