/** Small builders for the checker's tests (not used by the product). */
import { checkText, compileCode } from './check';
import type { Check, CheckInput, CheckSpec, Clause, Finding, Severity } from './types';

/** A clause with `checks` and fixed texts. */
export function clauseWith(checks: Check[], id = 'c1'): Clause {
  return { id, title: { nl: 'Testregel', en: 'Test rule' }, text: { nl: 'Tekst', en: 'Text' }, explanation: { nl: '', en: '' }, checks };
}

/** One check with id `k1`. */
export function checkOf(spec: CheckSpec, severity: Severity = 'block', id = 'k1'): Check {
  return { id, severity, spec };
}

/** The findings of a one-clause code with `specs` on `text`. */
export function findingsFor(specs: CheckSpec | CheckSpec[], text: string, input: Partial<CheckInput> = {}): Finding[] {
  const list = Array.isArray(specs) ? specs : [specs];
  const code = compileCode([clauseWith(list.map((s, i) => checkOf(s, 'block', `k${i + 1}`)))]);
  return checkText(code, { text, context: 'post', ...input });
}

/** [span, match] of each finding, for compact exact assertions. */
export function spansOf(findings: Finding[]): Array<[[number, number] | undefined, string | undefined]> {
  return findings.map((f) => [f.span, f.match]);
}
