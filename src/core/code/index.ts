/** The code (socialmediacode): its model, the checker, validation, the starter code and the printable document. */
export type { Check, CheckInput, CheckKind, CheckSpec, Clause, Finding, Localized, PersonalDataType, Severity, Verdict } from './types';
export { compileCode, checkText, type CompiledCode } from './check';
export { verdictOf } from './verdict';
export { validateClauses } from './validate';
export { starterCode } from './starter-code';
export { codeDocument, describeCheck, type CodeDocument } from './document';
export { STARTER_LISTS } from './starter-lists';
