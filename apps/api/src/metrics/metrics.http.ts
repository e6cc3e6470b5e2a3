import type { INestApplication } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiException } from '../common/api-exception';
import { toErrorResponse } from '../common/http-exception.filter';
import { requestIdOf } from '../common/request-context';
import { ShutdownService } from '../common/shutdown';
import type { AppConfig } from '../config';
import { Metrics } from './metrics';

/** Requests Express routed to no handler of its own (unknown API paths, the web app's files). */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The HTTP side of observability, installed before anything else in createApp so every response
 * gets it, refusals of body-parser and helmet included:
 * - `X-Request-Id` on every response (RequestContext takes the same id for the log lines);
 * - the latency histogram, labelled with the route template (`/api/attempts/:id`), never the URL;
 * - the count of requests under way, which the graceful shutdown waits for;
 * - `GET /metrics` for Prometheus, outside the `/api` prefix and the OpenAPI document.
 */
export function observeHttp(app: INestApplication, config: AppConfig): void {
  const metrics = app.get(Metrics);
  const shutdown = app.get(ShutdownService);
  const express = app.getHttpAdapter().getInstance() as Express;

  express.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Request-Id', requestIdOf(req));
    // Once the instance stops, a keep-alive connection closes after the response it is carrying.
    if (shutdown.stopping) res.setHeader('Connection', 'close');
    const started = process.hrtime.bigint();
    const done = shutdown.track('http');
    const finished = () => {
      done();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A response cut short by the client has no status worth the name: 499, as nginx logs it.
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.httpRequest(req.method, routeOf(req), status, seconds);
    };
    res.once('finish', finished);
    res.once('close', () => {
      if (!res.writableFinished) finished();
    });
    next();
  });

  const token = config.metricsToken;
  express.get('/metrics', (req: Request, res: Response, next: NextFunction) => {
    if (token && !bearerMatches(req.headers.authorization, token)) {
      const { status, ...body } = toErrorResponse(new ApiException('sign-in-required'));
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(status).json(body);
      return;
    }
    metrics
      .scrape()
      .then(({ contentType, body }) => {
        res.setHeader('Content-Type', contentType);
        res.setHeader('Cache-Control', 'no-store');
        res.end(body); // not send(): it would add a charset to Prometheus's exact content type
      })
      .catch(next);
  });
}

/** The route template Express matched (`/api/attempts/:id`), with its router's mount path. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') return UNMATCHED_ROUTE;
  return `${req.baseUrl ?? ''}${path}`;
}

/** Compares digests, so neither the token's length nor its prefix leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}
