import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Member } from '../../../api/types';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { Icon } from '../../../components/Icon';
import type { RoutingRule, Team } from '../api';
import type { SettingsDraft } from '../useSettingsDraft';
import { validationProblems } from '../ServerProblems';
import { DefaultsAndReplyRules } from './DefaultsAndReplyRules';
import { RuleCard } from './RuleCard';
import { localRuleProblems, moveItem, newRule, problemsByRule } from './ruleDraft';
import { SaveBar } from './SaveBar';

/** The routing rules in order, the defaults and the reply rules, saved together. Read-only for non-owners. */
export function RulesSection({
  settings,
  teams,
  channels,
  people,
  isOwner,
}: {
  settings: SettingsDraft;
  teams: Team[];
  channels: Channel[];
  people: Member[];
  isOwner: boolean;
}) {
  const { t } = useTranslation();
  const { draft, setDraft } = settings;
  const [moved, setMoved] = useState<{ id: string; token: number; dir: -1 | 1 } | null>(null);
  const [announce, setAnnounce] = useState('');
  const [showLocal, setShowLocal] = useState(false);
  const rules = draft?.rules ?? [];

  const server = useMemo(() => problemsByRule(validationProblems(settings.saveError), rules), [settings.saveError, rules]);
  const local = useMemo(() => localRuleProblems(rules), [rules]);
  if (!draft) return null;

  const setRules = (update: (rs: RoutingRule[]) => RoutingRule[]) => setDraft((d) => ({ ...d, rules: update(d.rules) }));

  function move(index: number, dir: -1 | 1): void {
    const rule = rules[index];
    setRules((rs) => moveItem(rs, index, dir));
    setMoved((m) => ({ id: rule.id, dir, token: (m?.token ?? 0) + 1 }));
    setAnnounce(t('inboxSettings.rules.movedTo', { name: rule.name || t('inboxSettings.rules.unnamed'), n: index + dir + 1 }));
  }

  function problemsFor(rule: RoutingRule): string[] {
    const own = showLocal ? (local.get(rule.id) ?? []).map((k) => t(`inboxSettings.rules.problems.${k}`)) : [];
    return [...own, ...(server.byId.get(rule.id) ?? [])];
  }

  async function save(): Promise<void> {
    setShowLocal(true);
    if (local.size > 0) return;
    await settings.save();
  }

  const addButton = (
    <Button
      icon={<Icon name="plus" size={16} />}
      onClick={() => setRules((rs) => [...rs, newRule(t('inboxSettings.rules.newName', { n: rs.length + 1 }))])}
      data-testid="rule-add"
    >
      {t('inboxSettings.rules.add')}
    </Button>
  );

  return (
    <div className="ibx-rules-layout">
      <fieldset className="ibx-plain-fieldset" disabled={!isOwner}>
        <div className="stack">
          <section className="ibx-section" aria-labelledby="ibx-rules-title" data-testid="inbox-rules">
            <div className="ibx-section-head">
              <div>
                <h2 id="ibx-rules-title" className="section-title">
                  {t('inboxSettings.rules.title')}
                </h2>
                <p className="muted">{t('inboxSettings.rules.lead')}</p>
              </div>
              {rules.length > 0 && isOwner && addButton}
            </div>
            {rules.length === 0 ? (
              <EmptyState icon="list" title={t('inboxSettings.rules.emptyTitle')} action={isOwner ? addButton : undefined} testId="rules-empty">
                <p>{t('inboxSettings.rules.emptyText')}</p>
              </EmptyState>
            ) : (
              <ol className="ibx-rule-list" aria-label={t('inboxSettings.rules.title')}>
                {rules.map((r, i) => (
                  <RuleCard
                    key={r.id}
                    rule={r}
                    index={i}
                    count={rules.length}
                    channels={channels}
                    teams={teams}
                    people={people}
                    problems={problemsFor(r)}
                    readOnly={!isOwner}
                    focusAfterMove={moved?.id === r.id ? moved : null}
                    onChange={(next) => setRules((rs) => rs.map((x) => (x.id === r.id ? next : x)))}
                    onMove={(dir) => move(i, dir)}
                    onRemove={() => setRules((rs) => rs.filter((x) => x.id !== r.id))}
                  />
                ))}
              </ol>
            )}
            <p className="visually-hidden" role="status" aria-live="polite">
              {announce}
            </p>
          </section>
          <DefaultsAndReplyRules
            teams={teams}
            defaultTeamId={draft.defaultTeamId}
            defaultPriority={draft.defaultPriority}
            replyRules={draft.replyRules}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          />
        </div>
      </fieldset>
      {isOwner && <SaveBar settings={settings} generalProblems={server.general} localCount={showLocal ? local.size : 0} onSave={() => void save()} />}
    </div>
  );
}
