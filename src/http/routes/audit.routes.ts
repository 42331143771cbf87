import { Readable } from 'node:stream';
import { z } from 'zod';
import { auditCsv, auditFilterOptions, auditPage } from '../../services/audit-log.service';
import { workspaceRoute } from '../define-route';
import { id, isoTime, wsParams } from '../schemas';

const filters = z.object({
  actorId: id.optional(),
  organizationId: id.optional(),
  action: z.string().max(100).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});

const normalise = (f: z.output<typeof filters>) => ({
  ...f,
  from: f.from ? new Date(f.from).toISOString() : undefined,
  to: f.to ? new Date(f.to).toISOString() : undefined,
});

export const auditRoutes = [
  workspaceRoute('audit.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/audit',
    tag: 'audit',
    summary: 'The audit trail, newest first, filtered by person, organization, action and period',
    params: wsParams,
    query: filters.extend({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.coerce.number().int().min(1).optional(),
    }),
    handler: ({ app, scope, query }) => auditPage(app, scope, { ...normalise(query), before: query.before }, query.limit),
  }),
  workspaceRoute('audit.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/audit/facets',
    tag: 'audit',
    summary: 'The people, organizations and actions in the trail, for filters',
    params: wsParams,
    handler: ({ app, scope }) => auditFilterOptions(app, scope),
  }),
  workspaceRoute('audit.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/audit.csv',
    tag: 'audit',
    summary: 'The filtered audit trail as CSV',
    produces: 'text/csv',
    params: wsParams,
    query: filters,
    async handler({ app, scope, query, reply }) {
      const day = app.clock.now().toISOString().slice(0, 10);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="regie-audit-${day}.csv"`);
      return reply.send(Readable.from(auditCsv(app, scope, normalise(query))));
    },
  }),
];
