import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Mandate } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/Field';

/** Confirm revoking a mandate (effective at once), with an optional reason. */
export function RevokeMandateDialog({
  workspaceId,
  mandate,
  onClose,
  onRevoked,
}: {
  workspaceId: string;
  mandate: Mandate;
  onClose: () => void;
  onRevoked: (m: Mandate) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <ConfirmDialog
      testId="revoke-mandate-dialog"
      title={t('mandates.revoke.title', { agency: mandate.agency.name })}
      description={t('mandates.revoke.text', { agency: mandate.agency.name })}
      confirmLabel={t('mandates.revoke.confirm')}
      onClose={onClose}
      onConfirm={async () => {
        const updated = await endpoints.revokeMandate(workspaceId, mandate.id, reason.trim() || undefined);
        onRevoked(updated ?? { ...mandate, status: 'revoked' });
      }}
    >
      <TextAreaField
        label={t('mandates.revoke.reason')}
        optional
        optionalText={t('common.optional')}
        value={reason}
        onChange={setReason}
        rows={3}
        maxLength={500}
        hint={t('mandates.revoke.reasonHint')}
      />
    </ConfirmDialog>
  );
}
