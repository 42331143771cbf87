import { z } from 'zod';
import { inboxReport, inboxReportCsv } from '../../services/inbox-reports.service';
import { workspaceRoute } from '../define-route';
import { id, wsParams } from '../schemas';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, e.g. 2027-01-31');
const filters = z.object({ from: date.optional(), to: date.optional(), teamId: id.optional(), channelId: id.optional() });

export const inboxReportRoutes = [
  workspaceRoute('inbox.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/inbox/reports',
    tag: 'inbox',
    summary: 'Inbox report over local days (default the last 28): volume, response times, SLA attainment, topics, who answered',
    params: wsParams,
    query: filters,
    handler: ({ app, scope, query }) => inboxReport(app, scope, query),
  }),
  workspaceRoute('inbox.read', {
    method: 'GET',
    url: '/api/workspaces/:ws/inbox/reports.csv',
    tag: 'inbox',
    summary: 'The report’s conversations as CSV (UTF-8 with BOM, ; separated), one row each',
    produces: 'text/csv',
    params: wsParams,
    query: filters,
    async handler({ app, scope, query, reply }) {
      const { fileName, csv } = await inboxReportCsv(app, scope, query);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.send(csv);
    },
  }),
];
