import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import type { InvitationInfo } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { Link, navigate } from '../../router';
import { useSession } from '../../session/SessionContext';

function roleLabel(t: (k: string) => string, inv: InvitationInfo): string {
  return inv.kind === 'agency' ? t(`agencyRoles.${inv.role}`) : t(`roles.${inv.role}`);
}

/** /invite/:token — what you are invited to; create an account, log in first, or accept. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const { state, refresh, signOut } = useSession();
  const info = useApi(() => endpoints.invitation(token), [token]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<{ name?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loginUrl = `/login?next=${encodeURIComponent(`/invite/${token}`)}`;
  const signedIn = state.status === 'signedIn' ? state.session : null;

  async function accept(body: { name?: string; password?: string }): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      const res = await endpoints.acceptInvitation(token, body);
      await refresh();
      if (res.workspaceId) navigate(`/w/${encodeURIComponent(res.workspaceId)}`, { replace: true });
      else if (res.agencyId) navigate(`/agencies/${encodeURIComponent(res.agencyId)}`, { replace: true });
      else navigate('/', { replace: true });
    } catch (err) {
      if (isApiError(err) && err.code === 'ERR_LOGIN_REQUIRED') {
        navigate(loginUrl);
        return;
      }
      setError(err);
      setBusy(false);
    }
  }

  function submitNew(e: FormEvent): void {
    e.preventDefault();
    const problems: { name?: string; password?: string } = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (!password) problems.password = t('validation.required');
    else if ([...password].length < 10) problems.password = t('validation.passwordShort', { count: 10 });
    setLocal(problems);
    if (!Object.keys(problems).length) void accept({ name: name.trim(), password });
  }

  if (info.loading && !info.data) {
    return (
      <AuthLayout title={t('invite.title')}>
        <Loading />
      </AuthLayout>
    );
  }
  if (info.error || !info.data) {
    const invalid = isApiError(info.error) && (info.error.code === 'ERR_INVITATION_INVALID' || info.error.status === 404);
    return (
      <AuthLayout title={t('invite.invalidTitle')} footer={<Link to="/" className="text-link">{t('accessLost.home')}</Link>}>
        <div data-testid="invite-invalid">
          {invalid ? <p>{t('errors.ERR_INVITATION_INVALID')}</p> : <ErrorAlert error={info.error} onRetry={() => void info.reload()} />}
        </div>
      </AuthLayout>
    );
  }

  const inv = info.data;
  const mismatch = signedIn && signedIn.user.email.toLowerCase() !== inv.email.toLowerCase();
  return (
    <AuthLayout title={t('invite.title')} wide>
      <div className="invite-summary" data-testid="invite-summary">
        <p className="invite-lead">
          {t(inv.kind === 'agency' ? 'invite.toAgency' : 'invite.toWorkspace', {
            inviter: inv.invitedByName,
            target: inv.targetName,
          })}
        </p>
        <dl className="facts">
          <div>
            <dt>{t(inv.kind === 'agency' ? 'invite.agency' : 'invite.workspace')}</dt>
            <dd className="strong">{inv.targetName}</dd>
          </div>
          <div>
            <dt>{t('fields.role')}</dt>
            <dd>{roleLabel(t, inv)}</dd>
          </div>
          <div>
            <dt>{t('fields.email')}</dt>
            <dd>{inv.email}</dd>
          </div>
          <div>
            <dt>{t('invite.expires')}</dt>
            <dd>{formatDate(inv.expiresAt)}</dd>
          </div>
        </dl>
      </div>

      {signedIn ? (
        mismatch ? (
          <div className="stack">
            <Notice tone="warning">{t('invite.mismatch', { current: signedIn.user.email, invited: inv.email })}</Notice>
            <Button variant="primary" className="btn-block" onClick={() => void signOut().then(() => navigate(loginUrl))}>
              {t('invite.switchAccount')}
            </Button>
          </div>
        ) : (
          <div className="stack">
            <p className="muted">{t('invite.signedInAs', { email: signedIn.user.email })}</p>
            {error ? <ErrorAlert error={error} /> : null}
            <Button variant="primary" className="btn-block" loading={busy} onClick={() => void accept({})} data-testid="accept-invitation">
              {t('invite.accept')}
            </Button>
          </div>
        )
      ) : inv.accountExists ? (
        <div className="stack">
          <p>{t('invite.loginFirst', { email: inv.email })}</p>
          <Link to={loginUrl} className="btn btn-primary btn-block" data-testid="invite-login">
            {t('invite.loginToAccept')}
          </Link>
        </div>
      ) : (
        <form className="form" onSubmit={submitNew} noValidate data-testid="invite-signup">
          <h2 className="form-title">{t('invite.createAccount')}</h2>
          <TextField label={t('setup.name')} value={name} onChange={setName} autoComplete="name" required error={local.name} />
          <TextField
            label={t('fields.password')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="new-password"
            required
            hint={t('auth.passwordHint')}
            error={local.password}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Button type="submit" variant="primary" loading={busy} className="btn-block">
            {t('invite.createAndAccept')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
