import { INestApplication, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { BankService } from './bank/bank.service';
import { ClusterIoAdapter } from './cluster/cluster-io.adapter';
import { RedisConnections } from './cluster/redis-connections';
import { INTERNAL_ERROR_RESPONSE } from './common/api-docs';
import { refuse } from './common/api-exception';
import { HttpExceptionFilter, toErrorResponse } from './common/http-exception.filter';
import { appLogger } from './common/logger';
import { ShutdownService } from './common/shutdown';
import { nestsDeeperThan, strictValidationPipe, tooDeeplyNested } from './common/validation';
import type { AppConfig } from './config';
import { firstStart, type FirstStartReport } from './first-start';
import { withStartupLock } from './database/startup-lock';
import { DataSource } from 'typeorm';
import { observeHttp } from './metrics/metrics.http';
import { PostingsService } from './postings/postings.service';
import { UsersService } from './users/users.service';

export const JSON_BODY_LIMIT = '2mb';

export interface CreatedApp {
  app: INestApplication;
  firstStart: FirstStartReport;
}

/** Builds the whole server; `main.ts` and the end-to-end tests share it. */
export async function createApp(config: AppConfig, logger?: NestApplicationOptions['logger']): Promise<CreatedApp> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    // Levels alone (tests pass ['error']) still get the logger that stamps request ids on lines.
    logger: Array.isArray(logger) ? appLogger(config.logFormat, logger) : (logger ?? appLogger(config.logFormat)),
  });
  // X-Forwarded-For only from configured proxies: anyone else could choose the address sign-in limits count.
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  // First: request ids, latency and the requests under way cover every response, refusals included.
  observeHttp(app, config);
  app.use(helmet({ contentSecurityPolicy: { directives: cspDirectives() } }));
  app.use(express.json({ limit: JSON_BODY_LIMIT }));
  app.use(refuseDeepBodies);
  app.use(bodyErrorHandler);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(strictValidationPipe((message) => refuse('invalid-request', message)));
  app.useGlobalFilters(new HttpExceptionFilter());
  // Scale-out: sockets of every instance share rooms and broadcasts through Redis (cluster/).
  if (config.redis) app.useWebSocketAdapter(new ClusterIoAdapter(app, app.get(RedisConnections)));
  // SIGTERM/SIGINT: unready, drain, then Nest's hooks, then exit 0 (common/shutdown.ts).
  app.get(ShutdownService).listenForSignals(app);

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rubricon API')
      .setVersion('0.1')
      .addBearerAuth()
      .addGlobalResponse(INTERNAL_ERROR_RESPONSE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app, config.webDir);

  await app.init();
  const report = await withStartupLock(app.get(DataSource), () =>
    firstStart(config, app.get(UsersService), app.get(PostingsService), app.get(BankService)),
  );
  return { app, firstStart: report };
}

/** body-parser fails before Nest routes the request: answer here in the same `{ message }` shape. */
function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  const { status, ...body } = toErrorResponse(error);
  res.status(status).json(body);
}

/** Every JSON body, whatever the route and before any guard or pipe walks it: see MAX_NESTING_DEPTH. */
function refuseDeepBodies(req: Request, res: Response, next: NextFunction): void {
  if (!nestsDeeperThan(req.body)) return next();
  const { status, ...body } = toErrorResponse(tooDeeplyNested('The request body'));
  res.status(status).json(body);
}

function serveWebApp(app: NestExpressApplication, webDir: string): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
  // Client-side routes: anything that is not the API and not a file gets the app shell.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.path.startsWith('/api') ||
      req.path.startsWith('/socket.io')
    )
      return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function cspDirectives() {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Monaco injects its styles at run time; Swagger UI needs inline styles too.
    styleSrc: ["'self'", "'unsafe-inline'"],
    workerSrc: ["'self'", 'blob:'],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'ws:', 'wss:'],
  };
}
