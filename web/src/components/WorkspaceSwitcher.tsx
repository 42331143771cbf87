import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import { useSignedIn } from '../session/SessionContext';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { usePopover } from './usePopover';

export type ShellContext =
  | { kind: 'workspace'; id: string }
  | { kind: 'agency'; id: string }
  | { kind: 'account' }
  | { kind: 'none' };

/** Top of the sidebar: the current workspace or agency, and a menu to switch to another one. */
export function WorkspaceSwitcher({ context }: { context: ShellContext }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const pop = usePopover();
  const menuId = useId();

  const ws = context.kind === 'workspace' ? session.workspaces.find((w) => w.id === context.id) : undefined;
  const ag = context.kind === 'agency' ? session.agencies.find((a) => a.id === context.id) : undefined;
  const title = ws?.name ?? ag?.name ?? t('switcher.choose');
  const subtitle = ws ? ws.organization.name : ag ? t('switcher.agency') : t('switcher.none');

  return (
    <div className="switcher" ref={pop.root}>
      <button
        ref={pop.button}
        type="button"
        className="switcher-button"
        aria-expanded={pop.open}
        aria-controls={menuId}
        onClick={pop.toggle}
        data-testid="workspace-switcher"
      >
        {ws || ag ? (
          <Avatar name={title} size={32} square />
        ) : (
          <span className="switcher-placeholder">
            <Icon name="building" size={18} />
          </span>
        )}
        <span className="switcher-text">
          <span className="visually-hidden">{t('switcher.label')}: </span>
          <span className="switcher-title">{title}</span>
          <span className="switcher-sub">{subtitle}</span>
        </span>
        <Icon name="chevrons" size={16} />
      </button>
      <div id={menuId} className="popover switcher-menu" hidden={!pop.open}>
        <p className="popover-heading" id={`${menuId}-ws`}>
          {t('switcher.workspaces')}
        </p>
        {session.workspaces.length === 0 ? (
          <p className="popover-empty">{t('switcher.noWorkspaces')}</p>
        ) : (
          <ul aria-labelledby={`${menuId}-ws`} className="popover-list">
            {session.workspaces.map((w) => (
              <li key={w.id}>
                <Link
                  to={`/w/${encodeURIComponent(w.id)}`}
                  className="popover-item"
                  aria-current={ws?.id === w.id ? 'page' : undefined}
                  onClick={pop.close}
                  data-testid={`switch-ws-${w.id}`}
                >
                  <Avatar name={w.name} size={24} square />
                  <span className="popover-item-text">
                    <span>{w.name}</span>
                    <span className="popover-item-sub">
                      {w.organization.name}
                      {w.via.kind === 'mandate' ? ` · ${t('switcher.via', { agency: w.via.agency.name })}` : ''}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {session.agencies.length > 0 && (
          <p className="popover-heading" id={`${menuId}-ag`}>
            {t('switcher.agencies')}
          </p>
        )}
        {session.agencies.length > 0 && (
          <ul aria-labelledby={`${menuId}-ag`} className="popover-list">
            {session.agencies.map((a) => (
              <li key={a.id}>
                <Link
                  to={`/agencies/${encodeURIComponent(a.id)}`}
                  className="popover-item"
                  aria-current={ag?.id === a.id ? 'page' : undefined}
                  onClick={pop.close}
                  data-testid={`switch-agency-${a.id}`}
                >
                  <Avatar name={a.name} size={24} square />
                  <span className="popover-item-text">
                    <span>{a.name}</span>
                    <span className="popover-item-sub">{t(`agencyRoles.${a.role}`)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="popover-footer">
          <Link to="/workspaces/new" className="popover-item" onClick={pop.close} data-testid="new-workspace-link">
            <Icon name="plus" size={16} />
            <span>{t('switcher.newWorkspace')}</span>
          </Link>
          <Link to="/agencies/new" className="popover-item" onClick={pop.close} data-testid="new-agency-link">
            <Icon name="plus" size={16} />
            <span>{t('switcher.newAgency')}</span>
          </Link>
        </div>
      </div>
    </div>
  );
}
