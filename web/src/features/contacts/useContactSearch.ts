import { useEffect, useState } from 'react';
import { useApi, type ApiResource } from '../../lib/useApi';
import { contactsApi, type ContactHit } from './api';

const DEBOUNCE_MS = 250;

/**
 * Contacts matching `text`, searched once typing pauses (every live contact, newest activity first, for "").
 * While a new search runs, the previous results stay shown, so the list does not jump.
 */
export function useContactSearch(workspaceId: string, text: string, limit = 20): ApiResource<ContactHit[]> & { query: string } {
  const [query, setQuery] = useState(text.trim());
  const [shown, setShown] = useState<ContactHit[] | undefined>(undefined);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const result = useApi(() => contactsApi.search(workspaceId, query, limit), [workspaceId, query, limit]);
  useEffect(() => {
    if (result.data) setShown(result.data);
  }, [result.data]);
  return { ...result, data: result.data ?? shown, query };
}
