import { z } from 'zod';
import { ping } from '../../db/dialect';
import { publicRoute } from '../define-route';

const VERSION = '0.1.0';

export const healthRoutes = [
  publicRoute({
    method: 'GET',
    url: '/api/health',
    tag: 'system',
    summary: 'Liveness and database state (503 when the database does not answer)',
    response: z.object({ status: z.enum(['ok', 'degraded']), database: z.object({ dialect: z.string(), ok: z.boolean() }), version: z.string() }),
    async handler({ app, reply }) {
      const ok = await ping(app.db);
      if (!ok) reply.code(503);
      return { status: ok ? 'ok' : 'degraded', database: { dialect: app.dialect.kind, ok }, version: VERSION };
    },
  }),
];
