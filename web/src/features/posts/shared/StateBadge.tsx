import { useTranslation } from 'react-i18next';
import type { DisplayState, Verdict } from '../api';

const TONE: Record<string, string> = {
  draft: 'neutral',
  in_review: 'blue',
  changes_requested: 'amber',
  approved: 'green',
  scheduled: 'violet',
  held: 'amber',
  publishing: 'teal',
  published: 'brand',
  partly_published: 'teal',
  failed: 'red',
  cancelled: 'neutral',
};

/** The one word for where a post (or one variant) is: draft, in review, …, published, failed. */
export function StateBadge({ state, testId }: { state: DisplayState | string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${TONE[state] ?? 'neutral'} badge-dot`} data-state={state} data-testid={testId}>
      {t(`posts.state.${state}`, { defaultValue: state })}
    </span>
  );
}

const VERDICT_TONE: Record<Verdict, string> = { ok: 'green', warn: 'amber', needs_approval: 'violet', block: 'red' };

/** The code's overall verdict on a text as a small badge. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${VERDICT_TONE[verdict]}`} data-verdict={verdict}>
      {t(`posts.verdictShort.${verdict}`)}
    </span>
  );
}
