import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** What a list shows when it has nothing yet: an icon, a sentence, and what to do next. */
export function EmptyState({
  icon = 'info',
  title,
  children,
  action,
  testId,
}: {
  icon?: IconName;
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-icon">
        <Icon name={icon} size={22} />
      </div>
      <p className="empty-title">{title}</p>
      {children && <div className="empty-text">{children}</div>}
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}
