import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../core/workspaces/roles';
import type { WorkspaceScope } from '../services/access.service';
import type { Actor, App } from '../services/app';

/**
 * Who may call a route: anyone; any signed-in person; or a person with a permission in the workspace named by the
 * `:ws` path parameter (checked against the database on every request).
 */
export type RouteAuth = { kind: 'public' } | { kind: 'user' } | { kind: 'workspace'; permission: Permission };

export interface RouteInput<P, Qy, B> {
  app: App;
  params: P;
  query: Qy;
  body: B;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface PublicInput<P, Qy, B> extends RouteInput<P, Qy, B> {
  /** The signed-in person, when there is one (public routes may behave differently for them). */
  actor: Actor | null;
}
export interface UserInput<P, Qy, B> extends RouteInput<P, Qy, B> {
  actor: Actor;
}
export interface WorkspaceInput<P, Qy, B> extends UserInput<P, Qy, B> {
  scope: WorkspaceScope;
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

interface RouteBase<PS, QS, BS> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  params?: PS;
  query?: QS;
  body?: BS;
  /** The success status (default 200; 204 sends no body). */
  status?: number;
  /** Schema of the success answer, for the OpenAPI document. */
  response?: Schema;
  /** Content type of a non-JSON answer (the handler sends it itself). */
  produces?: string;
  /**
   * The body is left unread for the handler to stream from `req.raw` (file uploads): any content type, no JSON
   * body limit, and nothing is read before the caller is authenticated and authorized. The handler enforces its own limits.
   */
  rawBody?: true;
}

export type RouteDef =
  | (RouteBase<Schema, Schema, Schema> & { auth: { kind: 'public' }; handler(i: PublicInput<any, any, any>): Promise<unknown> })
  | (RouteBase<Schema, Schema, Schema> & { auth: { kind: 'user' }; handler(i: UserInput<any, any, any>): Promise<unknown> })
  | (RouteBase<Schema, Schema, Schema> & {
      auth: { kind: 'workspace'; permission: Permission };
      handler(i: WorkspaceInput<any, any, any>): Promise<unknown>;
    });

/** A public route, typed from its schemas. */
export function publicRoute<PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined>(
  d: RouteBase<PS, QS, BS> & { handler(i: PublicInput<Out<PS>, Out<QS>, Out<BS>>): Promise<unknown> },
): RouteDef {
  return { ...d, auth: { kind: 'public' } } as RouteDef;
}

/** A route for any signed-in person, typed from its schemas. */
export function userRoute<PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined>(
  d: RouteBase<PS, QS, BS> & { handler(i: UserInput<Out<PS>, Out<QS>, Out<BS>>): Promise<unknown> },
): RouteDef {
  return { ...d, auth: { kind: 'user' } } as RouteDef;
}

/** A route inside the workspace `:ws`, for people whose role there carries `permission`. */
export function workspaceRoute<PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined>(
  permission: Permission,
  d: RouteBase<PS, QS, BS> & { handler(i: WorkspaceInput<Out<PS>, Out<QS>, Out<BS>>): Promise<unknown> },
): RouteDef {
  return { ...d, auth: { kind: 'workspace', permission } } as RouteDef;
}
