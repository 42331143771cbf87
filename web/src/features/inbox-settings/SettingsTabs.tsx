import { useRef, type KeyboardEvent } from 'react';

/**
 * A row of tabs (WAI-ARIA tabs pattern): the chosen tab is in the tab order, arrow keys, Home and End move between
 * tabs and choose at once. Panels are rendered by the caller with id `${idBase}-panel-${tab}`.
 */
export function SettingsTabs<T extends string>({
  tabs,
  current,
  onChange,
  label,
  idBase,
  testIdBase,
}: {
  tabs: Array<{ id: T; label: string }>;
  current: T;
  onChange: (tab: T) => void;
  label: string;
  idBase: string;
  testIdBase: string;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  function onKey(e: KeyboardEvent<HTMLButtonElement>, index: number): void {
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    onChange(tabs[next].id);
    refs.current[next]?.focus();
  }

  return (
    <div className="ibx-tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, i) => {
        const selected = tab.id === current;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idBase}-tab-${tab.id}`}
            aria-selected={selected}
            aria-controls={`${idBase}-panel-${tab.id}`}
            tabIndex={selected ? 0 : -1}
            className={selected ? 'ibx-tab is-selected' : 'ibx-tab'}
            onClick={() => onChange(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
            data-testid={`${testIdBase}-${tab.id}`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
