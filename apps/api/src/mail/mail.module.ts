import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { MailController } from './mail.controller';
import { MAIL_TRANSPORT, smtpTransport } from './mail-transport';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';
import { MailWorker } from './mail.worker';

/** Mail to candidates, global so the features that tell candidates something can queue it. */
@Global()
@Module({
  controllers: [MailController],
  providers: [
    MailService,
    MailRepository,
    MailWorker,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => smtpTransport(config.mail) },
  ],
  exports: [MailService],
})
export class MailModule {}
