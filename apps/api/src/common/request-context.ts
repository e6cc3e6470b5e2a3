import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { StaffRole } from '@rubricon/contracts';

/** The staff user a request acts as, once the AuthGuard has authenticated it. */
export interface RequestActor {
  id: string;
  email: string;
  role: StaffRole;
}

/** What the server knows about the HTTP request being served: who and from where. */
export interface RequestStore {
  /** The client address as Express sees it (`req.ip`: honours 'trust proxy', see app.ts). */
  ip: string | null;
  /** Null until the AuthGuard has verified a staff token; stays null on public routes. */
  actor: RequestActor | null;
  /** In every log line written while serving it, and in the X-Request-Id response header (requestIdOf). */
  requestId?: string;
}

/** An incoming X-Request-Id is kept only when it is short and plain: it ends up in logs and headers. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const requestIds = new WeakMap<object, string>();

/**
 * The request's id: the proxy's X-Request-Id when it looks safe, otherwise a fresh UUID. The same
 * object always gets the same id, so the early middleware that sets the response header (app.ts) and
 * the RequestContextMiddleware that opens the store agree without passing it along.
 */
export function requestIdOf(req: Request): string {
  let id = requestIds.get(req);
  if (!id) {
    const given = req.headers['x-request-id'];
    id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(req, id);
  }
  return id;
}

const storage = new AsyncLocalStorage<RequestStore>();

/**
 * The current HTTP request's context, reachable from any service the request calls (the audit log
 * reads it) without threading the request through every signature.
 *
 * Why a middleware creates a mutable store and the AuthGuard fills in the actor (rather than an
 * interceptor that starts the store once the user is known): a middleware runs the rest of the
 * request synchronously inside `storage.run`, so the store is there for guards, pipes, the handler
 * and every promise they start; an interceptor would have to run RxJS's lazy subscription inside the
 * store, which is easy to get subtly wrong. The guard is the one place that authenticates, so it is
 * the one place that says who the actor is. Sockets have no HTTP request: their gateways pass the
 * actor explicitly.
 */
export const RequestContext = {
  current(): RequestStore | undefined {
    return storage.getStore();
  },

  /** The id of the request (or socket event) being served, for log lines; undefined outside one. */
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },

  /** Called by the AuthGuard once the bearer token is verified. */
  setActor(actor: RequestActor): void {
    const store = storage.getStore();
    if (store) store.actor = { id: actor.id, email: actor.email, role: actor.role };
  },

  /** Runs `work` with a fresh store (the middleware; tests). */
  run<T>(store: RequestStore, work: () => T): T {
    return storage.run(store, work);
  },
};

/** Opens the request's store for everything after it; registered for every route by the AuditModule. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    RequestContext.run({ ip: req.ip ?? null, actor: null, requestId: requestIdOf(req) }, next);
  }
}
