import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableWrap } from './TableWrap';

export interface DataTableProps {
  /** The table's name: its (visually hidden) caption and, when it scrolls, its region label. */
  label: string;
  testId: string;
  /** Column headings, in order. */
  columns: ReactNode[];
  /** Adds a last column for row actions, named for screen readers only. */
  actions?: boolean;
  dense?: boolean;
  /** The rows (`<tr>` elements). */
  children: ReactNode;
}

/** A data table with the caption, header row and scroll container every list in Regie uses. */
export function DataTable({ label, testId, columns, actions = false, dense = false, children }: DataTableProps) {
  const { t } = useTranslation();
  return (
    <TableWrap label={label}>
      <table className={dense ? 'table table-dense' : 'table'} data-testid={testId}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th scope="col" key={i}>
                {c}
              </th>
            ))}
            {actions && (
              <th scope="col" className="col-actions">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}
