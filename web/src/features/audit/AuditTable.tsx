import { useTranslation } from 'react-i18next';
import type { AuditItem } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { actionLabel } from './actionLabel';
import { DataTable } from '../../components/DataTable';

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The summary as short "key: value" or "key: before → after" lines. */
function Summary({ summary }: { summary: AuditItem['summary'] }) {
  if (!isRecord(summary)) return null;
  const { before, after, ...rest } = summary;
  const lines: string[] = [];
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (!(k in b)) lines.push(`${k}: ${show(a[k])}`);
      else if (!(k in a)) lines.push(`${k}: ${show(b[k])} → —`);
      else if (show(b[k]) !== show(a[k])) lines.push(`${k}: ${show(b[k])} → ${show(a[k])}`);
    }
  } else if (before !== undefined || after !== undefined) {
    lines.push(`${show(before)} → ${show(after)}`);
  }
  for (const [k, v] of Object.entries(rest)) {
    if (isRecord(v)) for (const [k2, v2] of Object.entries(v)) lines.push(`${k}.${k2}: ${show(v2)}`);
    else lines.push(`${k}: ${show(v)}`);
  }
  if (lines.length === 0) return null;
  return (
    <ul className="summary">
      {lines.slice(0, 8).map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

export function AuditTable({ items }: { items: AuditItem[] }) {
  const { t } = useTranslation();
  return (
    <DataTable label={t('audit.title')} testId="audit-table" columns={[t('audit.cols.when'), t('audit.cols.who'), t('audit.cols.organization'), t('audit.cols.action'), t('audit.cols.details')]} dense>
          {items.map((item) => (
            <tr key={item.seq} data-testid="audit-row" data-action={item.action}>
              <td className="nowrap">
                <time dateTime={item.at}>{formatDateTime(item.at)}</time>
              </td>
              <td>
                {item.actor ? (
                  <>
                    <div className="strong">{item.actor.name}</div>
                    <div className="muted small">{item.actor.email}</div>
                  </>
                ) : (
                  <span className="muted">{t('audit.system')}</span>
                )}
              </td>
              <td>
                {item.organization ? (
                  <>
                    <div>{item.organization.name}</div>
                    <div className="muted small">{t(`audit.orgKind.${item.organization.kind}`)}</div>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <div className="strong">{actionLabel(t, item.action)}</div>
                <code className="muted small">{item.action}</code>
              </td>
              <td>
                <Summary summary={item.summary} />
                {item.ip && <div className="muted small">IP {item.ip}</div>}
              </td>
            </tr>
          ))}
        </DataTable>
  );
}
