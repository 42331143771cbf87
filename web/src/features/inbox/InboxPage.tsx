import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { useApi } from '../../lib/useApi';
import { useTitle } from '../../lib/useTitle';
import { navigate, useLocation } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { inboxApi, type ConversationSummary } from './api';
import { ConversationPane, type PaneCommands } from './conversation/ConversationPane';
import { clearedFilters, inboxPath, readFilters, type InboxFilters } from './filters';
import { KeyboardHelp } from './KeyboardHelp';
import { step, type InboxCommand } from './keys';
import { ConversationList } from './list/ConversationList';
import { FiltersPanel } from './list/FiltersPanel';
import { SearchBox } from './list/SearchBox';
import { ViewsNav } from './list/ViewsNav';
import { LiveIndicator } from './LiveIndicator';
import { useConversationList } from './useConversationList';
import { useInboxKeys } from './useInboxKeys';
import { useInboxRefs } from './useInboxRefs';
import { useLiveInbox } from './useLiveInbox';
import { useNow } from './useNow';

/**
 * The inbox: views, search and filters on the left, the conversation list (most urgent first), and the open
 * conversation. Filters live in the URL; the open conversation is the path's last part. Below 1024px wide it shows
 * the list or the conversation, with a way back.
 */
export function InboxPage({ conversationId }: { conversationId: string | null }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const location = useLocation();
  const filters = useMemo(() => readFilters(location.search), [location.href]);
  const list = useConversationList(ws.id, filters);
  const refs = useInboxRefs(ws.id);
  const detail = useApi(conversationId ? () => inboxApi.conversation(ws.id, conversationId) : null, [ws.id, conversationId]);
  const now = useNow(10_000);
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const commands = useRef<PaneCommands>({});
  useTitle(detail.data ? `${detail.data.conversation.contact.name} · ${t('inbox.title')}` : t('inbox.title'));

  const live = useLiveInbox(inboxApi.eventsUrl(ws.id), (change) => {
    list.refresh();
    if (conversationId && (change.missed || change.ids.has(conversationId))) void detail.reload();
  });

  const hrefForFilters = useCallback((f: InboxFilters) => inboxPath(ws.id, conversationId, f), [ws.id, conversationId]);
  const hrefForConversation = useCallback((id: string) => inboxPath(ws.id, id, filters), [ws.id, filters]);
  const setFilters = (f: InboxFilters) => navigate(inboxPath(ws.id, conversationId, f), { replace: true });

  const knownTags = useMemo(() => [...new Set(list.items.flatMap((c) => c.tags))].sort(), [list.items]);
  const filtersOpenAtStart = useMemo(() => typeof window !== 'undefined' && window.matchMedia?.('(min-width: 1600px)').matches, []);

  function focusRow(id: string): void {
    window.requestAnimationFrame(() => {
      const row = listRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`);
      if (!row || row.offsetParent === null) return;
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
    });
  }

  function run(command: InboxCommand): void {
    switch (command) {
      case 'next':
      case 'previous': {
        const current = list.items.findIndex((c) => c.id === conversationId);
        const next = step(current, list.items.length, command === 'next' ? 1 : -1);
        if (next < 0) return;
        const id = list.items[next].id;
        if (id !== conversationId) navigate(hrefForConversation(id));
        focusRow(id);
        if (next >= list.items.length - 3 && list.nextCursor) list.loadMore();
        return;
      }
      case 'reply':
        commands.current.focusReply?.();
        return;
      case 'resolve':
        commands.current.resolve?.();
        return;
      case 'assign':
        commands.current.openAssign?.();
        return;
      case 'search':
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      case 'help':
        setHelp(true);
        return;
    }
  }
  useInboxKeys(run);

  const onSummary = (c: ConversationSummary) => {
    list.replaceItem(c);
    list.refresh();
  };

  return (
    <div className={conversationId ? 'inbox has-open' : 'inbox'} data-testid="inbox">
      <div className="inbox-nav">
        <div className="inbox-nav-head">
          <h1 className="inbox-title">{t('inbox.title')}</h1>
          <LiveIndicator state={live} />
          <button
            type="button"
            className="icon-button"
            onClick={() => setHelp(true)}
            aria-label={t('inbox.keys.open')}
            title={t('inbox.keys.open')}
            data-testid="inbox-keys-button"
          >
            <kbd className="kbd-small">?</kbd>
          </button>
        </div>
        <ViewsNav filters={filters} counts={list.counts} hrefFor={hrefForFilters} />
        <SearchBox ref={searchRef} value={filters.q} onSearch={(q) => q !== filters.q && setFilters({ ...filters, q })} />
        <FiltersPanel
          filters={filters}
          onChange={setFilters}
          channels={refs.channels}
          teams={refs.teams}
          knownTags={knownTags}
          defaultOpen={filtersOpenAtStart}
        />
      </div>

      <section className="inbox-list" ref={listRef} aria-label={t('inbox.list.label')}>
        <ConversationList
          list={list}
          filters={filters}
          selectedId={conversationId}
          hrefFor={hrefForConversation}
          onClearFilters={() => setFilters({ ...clearedFilters(filters), q: '' })}
          now={now}
        />
      </section>

      <section className="inbox-conv" aria-label={t('inbox.conversation.label')}>
        {conversationId ? (
          <ConversationPane
            key={conversationId}
            ws={ws.id}
            organizationName={ws.workspace?.organization.name ?? ''}
            isAgencyMember={ws.actingFor !== null}
            detail={detail}
            refs={refs}
            backHref={inboxPath(ws.id, null, filters)}
            hrefForConversation={hrefForConversation}
            commands={commands}
            onSummary={onSummary}
            onActivity={list.refresh}
            knownTags={knownTags}
            now={now}
          />
        ) : (
          <div className="inbox-none">
            <EmptyState icon="inbox" title={t('inbox.none.title')}>
              <p>{t('inbox.none.text')}</p>
              <p className="small">
                <Icon name="info" size={14} /> {t('inbox.none.keys')}
              </p>
            </EmptyState>
          </div>
        )}
      </section>

      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
