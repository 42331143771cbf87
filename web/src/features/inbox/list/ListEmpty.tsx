import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { activeFilterCount, type InboxFilters } from '../filters';

/** "Nothing waiting" per view; when filters or a search hide conversations, says so and offers to clear them. */
export function ListEmpty({ filters, onClear }: { filters: InboxFilters; onClear: () => void }) {
  const { t } = useTranslation();
  const narrowed = activeFilterCount(filters) > 0 || filters.q !== '';
  if (narrowed) {
    return (
      <EmptyState
        icon="info"
        title={t('inbox.empty.filteredTitle')}
        testId="inbox-empty"
        action={
          <Button size="sm" onClick={onClear}>
            {t('inbox.filters.clear')}
          </Button>
        }
      >
        {filters.q ? t('inbox.empty.filteredSearch', { q: filters.q }) : t('inbox.empty.filteredText')}
      </EmptyState>
    );
  }
  return (
    <EmptyState icon="check" title={t(`inbox.empty.${filters.view}.title`)} testId="inbox-empty">
      {t(`inbox.empty.${filters.view}.text`)}
    </EmptyState>
  );
}
