import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import type { Severity } from './api';

export const SEVERITIES: Severity[] = ['block', 'needs_approval', 'warn'];

const TONE: Record<Severity, string> = { block: 'red', needs_approval: 'violet', warn: 'amber' };

/** What happens to a text a check finds something in: "Tegenhouden", "Goedkeuring regiehouder nodig", "Waarschuwing". */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <span data-testid="severity-badge" data-severity={severity}>
      <Badge tone={TONE[severity]}>{t(`code.severity.${severity}`)}</Badge>
    </span>
  );
}
