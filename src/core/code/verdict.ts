import type { Finding, Severity, Verdict } from './types';

const RANK: Record<Severity, number> = { warn: 1, needs_approval: 2, block: 3 };

/** The worst severity among `findings` ('block' over 'needs_approval' over 'warn'), or 'ok' when there are none. */
export function verdictOf(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  let worst: Verdict = 'ok';
  let rank = 0;
  for (const f of findings) {
    const r = RANK[f.severity] ?? 0;
    if (r > rank) {
      rank = r;
      worst = f.severity;
    }
  }
  return worst;
}
