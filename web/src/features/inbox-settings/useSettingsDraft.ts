import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../../lib/useApi';
import { inboxSettingsApi, type InboxSettings, type SettingsInput } from './api';
import { cleanRules } from './rules/ruleDraft';

export interface SettingsDraft {
  saved: InboxSettings | undefined;
  draft: SettingsInput | null;
  setDraft: (update: (d: SettingsInput) => SettingsInput) => void;
  dirty: boolean;
  loading: boolean;
  loadError: unknown;
  saving: boolean;
  saveError: unknown;
  justSaved: boolean;
  save: () => Promise<void>;
  /** Loads the newest saved settings and drops the edits. */
  reload: () => Promise<void>;
}

const inputOf = (s: InboxSettings): SettingsInput => ({
  rules: s.rules,
  defaultTeamId: s.defaultTeamId,
  defaultPriority: s.defaultPriority,
  replyRules: s.replyRules,
});

/**
 * The inbox settings being edited: loaded once, edited in memory (the rule tester reads the same draft, so it can
 * test unsaved rules), saved with the version they were loaded at.
 */
export function useSettingsDraft(workspaceId: string): SettingsDraft {
  const res = useApi(() => inboxSettingsApi.settings(workspaceId), [workspaceId]);
  const [draft, setDraftState] = useState<SettingsInput | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [justSaved, setJustSaved] = useState(false);
  const saved = res.data;

  useEffect(() => {
    setDraftState(saved ? inputOf(saved) : null);
  }, [saved]);

  const setDraft = useCallback((update: (d: SettingsInput) => SettingsInput) => {
    setDraftState((d) => (d ? update(d) : d));
    setJustSaved(false);
  }, []);

  const dirty = useMemo(() => !!saved && !!draft && JSON.stringify(inputOf(saved)) !== JSON.stringify(draft), [saved, draft]);

  const save = useCallback(async () => {
    if (!saved || !draft) return;
    setSaving(true);
    setSaveError(null);
    setJustSaved(false);
    try {
      const next = await inboxSettingsApi.saveSettings(workspaceId, { ...draft, rules: cleanRules(draft.rules) }, saved.version);
      res.setData(next);
      setJustSaved(true);
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  }, [saved, draft, workspaceId, res]);

  const reload = useCallback(async () => {
    setSaveError(null);
    setJustSaved(false);
    await res.reload();
  }, [res]);

  return { saved, draft, setDraft, dirty, loading: res.loading, loadError: res.error, saving, saveError, justSaved, save, reload };
}
