import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { ApiToken } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyField } from '../../components/CopyField';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { formatDate, formatRelative } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { CreateTokenForm } from './CreateTokenForm';
import { DataTable } from '../../components/DataTable';

/** /account/tokens — personal API tokens; the secret is shown once, right after creation. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useApi(() => endpoints.tokens(), []);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = tokens.data?.items ?? [];

  return (
    <>
      <section className="card" aria-labelledby="tokens-create">
        <h2 id="tokens-create" className="card-title">
          {t('account.tokens.createTitle')}
        </h2>
        <p className="muted card-lead">{t('account.tokens.lead')}</p>
        <CreateTokenForm
          onCreated={(token, value) => {
            setSecret({ name: token.name, value });
            tokens.setData((d) => ({ items: [token, ...(d?.items ?? []).filter((x) => x.id !== token.id)] }));
          }}
        />
        {secret && (
          <div className="secret-box" data-testid="token-secret-box">
            <p className="secret-warning">
              <Icon name="alert" size={16} />
              <span>{t('account.tokens.secretOnce', { name: secret.name })}</span>
            </p>
            <CopyField label={t('account.tokens.secret')} value={secret.value} testId="token-secret" secret />
            <Button size="sm" variant="ghost" onClick={() => setSecret(null)}>
              {t('account.tokens.secretDone')}
            </Button>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="tokens-list">
        <h2 id="tokens-list" className="card-title">
          {t('account.tokens.listTitle')}
        </h2>
        {tokens.loading && !tokens.data ? (
          <SkeletonRows />
        ) : tokens.error ? (
          <ErrorAlert error={tokens.error} onRetry={() => void tokens.reload()} />
        ) : items.length === 0 ? (
          <EmptyState icon="key" title={t('account.tokens.empty')} testId="tokens-empty">
            {t('account.tokens.emptyText')}
          </EmptyState>
        ) : (
          <DataTable label={t('account.tokens.listTitle')} testId="tokens-table" columns={[t('account.tokens.name'), t('account.tokens.created'), t('account.tokens.lastUsed'), t('account.tokens.expires')]} actions>
                {items.map((tok) => (
                  <tr key={tok.id} data-testid={`token-row-${tok.id}`}>
                    <td>
                      <div className="strong">{tok.name}</div>
                      <code className="muted small">{tok.prefix}…</code>
                    </td>
                    <td className="nowrap">{formatDate(tok.createdAt)}</td>
                    <td className="nowrap">
                      {tok.lastUsedAt ? formatRelative(tok.lastUsedAt) : t('account.tokens.neverUsed')}
                    </td>
                    <td className="nowrap">{tok.expiresAt ? formatDate(tok.expiresAt) : t('account.tokens.never')}</td>
                    <td className="col-actions">
                      <Button size="sm" variant="danger-ghost" onClick={() => setRevoking(tok)}>
                        {t('account.tokens.revoke')}
                        <span className="visually-hidden"> {tok.name}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </DataTable>
        )}
      </section>
      {revoking && (
        <ConfirmDialog
          testId="revoke-token-dialog"
          title={t('account.tokens.revokeTitle', { name: revoking.name })}
          description={t('account.tokens.revokeText')}
          confirmLabel={t('account.tokens.revoke')}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await endpoints.revokeToken(revoking.id);
            tokens.setData((d) => d && { items: d.items.filter((x) => x.id !== revoking.id) });
          }}
        />
      )}
    </>
  );
}
