import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import { useSession, useSignedIn } from '../session/SessionContext';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { usePopover } from './usePopover';

/** The signed-in person in the top bar, with account links and log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const pop = usePopover();
  const menuId = useId();

  return (
    <div className="user-menu" ref={pop.root}>
      <button
        ref={pop.button}
        type="button"
        className="user-button"
        aria-expanded={pop.open}
        aria-controls={menuId}
        onClick={pop.toggle}
        data-testid="user-menu"
      >
        <Avatar name={user.name} size={28} />
        <span className="user-name">
          <span className="visually-hidden">{t('userMenu.label')}: </span>
          {user.name}
        </span>
      </button>
      <div id={menuId} className="popover popover-right" hidden={!pop.open}>
        <div className="popover-identity">
          <strong>{user.name}</strong>
          <span>{user.email}</span>
        </div>
        <ul className="popover-list">
          <li>
            <Link to="/account" className="popover-item" onClick={pop.close}>
              <Icon name="user" size={16} />
              <span>{t('account.nav.profile')}</span>
            </Link>
          </li>
          <li>
            <Link to="/account/sessions" className="popover-item" onClick={pop.close}>
              <Icon name="monitor" size={16} />
              <span>{t('account.nav.sessions')}</span>
            </Link>
          </li>
          <li>
            <Link to="/account/tokens" className="popover-item" onClick={pop.close}>
              <Icon name="key" size={16} />
              <span>{t('account.nav.tokens')}</span>
            </Link>
          </li>
          {user.isAdmin && (
            <li>
              <Link to="/admin/providers" className="popover-item" onClick={pop.close} data-testid="menu-admin-providers">
                <Icon name="settings" size={16} />
                <span>{t('admin.providers.menu')}</span>
              </Link>
            </li>
          )}
        </ul>
        <div className="popover-footer">
          <button
            type="button"
            className="popover-item"
            onClick={() => {
              pop.close();
              void signOut();
            }}
            data-testid="logout-button"
          >
            <Icon name="logout" size={16} />
            <span>{t('userMenu.logout')}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
