import { useTranslation } from 'react-i18next';
import type { RoutingMatch } from '../api';

/** Why the conversation landed where it did: the routing rules that matched, each with its reasons. */
export function RoutingWhy({ matched }: { matched: RoutingMatch[] }) {
  const { t } = useTranslation();
  return (
    <section className="side-section" aria-labelledby="routing-title" data-testid="routing-why">
      <h3 id="routing-title" className="side-title">
        {t('inbox.routing.title')}
      </h3>
      {matched.length === 0 ? (
        <p className="small muted">{t('inbox.routing.none')}</p>
      ) : (
        <ul className="routing-list">
          {matched.map((m) => (
            <li key={m.ruleId}>
              <strong>{m.name}</strong>
              <ul className="tl-because small">
                {m.because.map((b, i) => (
                  <li key={i}>{b}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
