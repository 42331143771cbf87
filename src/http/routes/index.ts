import type { RouteDef } from '../define-route';
import { accountRoutes } from './account.routes';
import { agencyRoutes, mandateRoutes } from './agencies.routes';
import { auditRoutes } from './audit.routes';
import { channelRoutes, oauthRoutes } from './channels.routes';
import { authRoutes } from './auth.routes';
import { healthRoutes } from './health.routes';
import { workspaceRoutes } from './workspaces.routes';
import { briefRoutes, codeRoutes, notificationRoutes, publishingRoutes } from './content.routes';
import { postRoutes } from './posts.routes';
import { mediaRoutes } from './media.routes';
import { expertRoutes, inboxRoutes, inboxSettingsRoutes } from './inbox.routes';
import { inboxEventRoutes } from './inbox-events.routes';
import { contactRoutes } from './contacts.routes';
import { inboxReportRoutes } from './inbox-reports.routes';

/** Every API route, in one explicit list: the server, the OpenAPI document and the authorization test read it. */
export const allRoutes: RouteDef[] = [
  ...healthRoutes,
  ...authRoutes,
  ...accountRoutes,
  ...workspaceRoutes,
  ...agencyRoutes,
  ...mandateRoutes,
  ...auditRoutes,
  ...channelRoutes,
  ...oauthRoutes,
  ...briefRoutes,
  ...postRoutes,
  ...mediaRoutes,
  ...codeRoutes,
  ...publishingRoutes,
  ...notificationRoutes,
  ...inboxRoutes,
  ...inboxSettingsRoutes,
  ...inboxEventRoutes,
  ...contactRoutes,
  ...inboxReportRoutes,
  ...expertRoutes,
];
