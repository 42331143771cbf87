/**
 * Personal data in a text: e-mail addresses, phone numbers (Dutch and international), IBANs (with their mod-97
 * check) and Dutch citizen service numbers (BSN, with the 11-proof). Matches are returned masked.
 */
import type { PersonalDataType } from './types';

export interface PersonalDataHit {
  type: PersonalDataType;
  start: number;
  end: number;
  masked: string;
}

const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AT: 20, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, ME: 22, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, RS: 22, SA: 24,
  SE: 24, SI: 19, SK: 24, SM: 27, TR: 26, UA: 29,
};

/** True when `iban` (spaces allowed, any case) has a known country's length and a valid mod-97 checksum. */
export function isValidIban(iban: string): boolean {
  const s = iban.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s) || IBAN_LENGTHS[s.slice(0, 2)] !== s.length) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < moved.length; i++) {
    const c = moved.charCodeAt(i);
    const value = c >= 65 ? c - 55 : c - 48;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest === 1;
}

/** True when `digits` is nine digits passing the 11-proof of Dutch citizen service numbers (and not all zeros). */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** Digits masked but the first and last two, separators kept: "06-12345678" → "06-******78". */
function maskDigits(s: string): string {
  const total = s.replace(/\D/g, '').length;
  let seen = 0;
  return s.replace(/\d/g, (d) => (seen++ < 2 || seen > total - 2 ? d : '*'));
}

const IBAN_RE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/gu;
const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE_RE = /(?<![\p{L}\p{N}+@.,/_-])(?:\+|\(?0)\d[\d(). -]{5,24}\d(?![\p{L}\p{N}])/gu;
const BSN_RE = /(?<![\p{L}\p{N}.,/-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3})(?![\p{L}\p{N}]|[.,]\d)/gu;
const SERVICE_PREFIXES = ['0800', '0900', '0906', '0909'];

function findIbans(text: string, out: PersonalDataHit[]): void {
  for (const m of text.matchAll(IBAN_RE)) {
    const start = m.index;
    const raw = m[0];
    const length = IBAN_LENGTHS[raw.slice(0, 2).toUpperCase()];
    if (!length) continue;
    let count = 0;
    let end = -1;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] !== ' ') count++;
      if (count === length) {
        end = i + 1;
        break;
      }
    }
    if (end < 0 || /[\p{L}\p{N}]/u.test(text[start + end] ?? '')) continue;
    const candidate = raw.slice(0, end);
    if (!isValidIban(candidate)) continue;
    const compact = candidate.replace(/ /g, '').toUpperCase();
    out.push({ type: 'iban', start, end: start + end, masked: `${compact.slice(0, 4)} **** **** ${compact.slice(-2)}` });
  }
}

function findEmails(text: string, out: PersonalDataHit[]): void {
  for (const m of text.matchAll(EMAIL_RE)) {
    const at = m[0].indexOf('@');
    out.push({ type: 'email', start: m.index, end: m.index + m[0].length, masked: `${m[0][0]}***${m[0].slice(at)}` });
  }
}

interface DigitGroup {
  digits: string;
  start: number;
  end: number;
}

/** Digit count a phone number starting at `groups[g]` must reach, or null when no number starts there. */
function phoneShape(raw: string, groups: DigitGroup[], g: number): { min: number; max: number; skipZero: boolean } | null {
  const first = groups[g];
  const plus = raw[first.start - 1] === '+';
  if (plus || first.digits.startsWith('00')) {
    const all = groups.slice(g).map((x) => x.digits).join('').slice(plus ? 0 : 2);
    return all.startsWith('31') ? { min: 11, max: 11, skipZero: true } : { min: 8, max: 15, skipZero: false };
  }
  if (!first.digits.startsWith('0') || first.digits.length < 2 || (first.digits.length === 2 && first.digits !== '06')) return null;
  if (SERVICE_PREFIXES.some((p) => first.digits.startsWith(p))) return null;
  return { min: 10, max: 10, skipZero: false };
}

function findPhones(text: string, out: PersonalDataHit[]): void {
  for (const m of text.matchAll(PHONE_RE)) {
    const raw = m[0];
    const groups: DigitGroup[] = [...raw.matchAll(/\d+/g)].map((d) => ({ digits: d[0], start: d.index, end: d.index + d[0].length }));
    let g = 0;
    while (g < groups.length) {
      const shape = phoneShape(raw, groups, g);
      let found = -1;
      if (shape) {
        let count = raw[groups[g].start - 1] === '+' ? 0 : groups[g].digits.startsWith('00') ? -2 : 0;
        for (let k = g; k < groups.length; k++) {
          const trunkZero = shape.skipZero && groups[k].digits === '0' && raw[groups[k].start - 1] === '(' && raw[groups[k].end] === ')';
          if (!trunkZero) count += groups[k].digits.length;
          if (count > shape.max) break;
          if (count >= shape.min && (count === shape.max || k + 1 === groups.length || count + groups[k + 1].digits.length > shape.max)) {
            found = k;
            break;
          }
        }
      }
      if (found < 0) {
        g++;
        continue;
      }
      const from = raw[groups[g].start - 1] === '+' || raw[groups[g].start - 1] === '(' ? groups[g].start - 1 : groups[g].start;
      const to = groups[found].end + (raw[groups[found].end] === ')' ? 1 : 0);
      const value = raw.slice(from, to);
      out.push({ type: 'phone', start: m.index + from, end: m.index + to, masked: maskDigits(value) });
      g = found + 1;
    }
  }
}

function findBsns(text: string, out: PersonalDataHit[]): void {
  for (const m of text.matchAll(BSN_RE)) {
    const digits = m[0].replace(/\D/g, '');
    if (isValidBsn(digits)) out.push({ type: 'bsn', start: m.index, end: m.index + m[0].length, masked: `*******${digits.slice(-2)}` });
  }
}

function overlaps(hits: PersonalDataHit[], h: PersonalDataHit): boolean {
  return hits.some((o) => h.start < o.end && o.start < h.end);
}

/**
 * The personal data of the wanted types in `text`, in text order. IBANs and e-mail addresses are looked for even
 * when not wanted, so that the digits inside them are never taken for a phone number or BSN.
 */
export function findPersonalData(text: string, types: ReadonlySet<PersonalDataType>): PersonalDataHit[] {
  if (types.size === 0) return [];
  const hasDigit = /\d/.test(text);
  const found: PersonalDataHit[] = [];
  if (hasDigit) findIbans(text, found);
  if (text.includes('@')) findEmails(text, found);
  if (hasDigit && (types.has('phone') || types.has('bsn'))) {
    const more: PersonalDataHit[] = [];
    if (types.has('phone')) findPhones(text, more);
    if (types.has('bsn')) findBsns(text, more);
    for (const h of more) if (!overlaps(found, h)) found.push(h);
  }
  return found.filter((h) => types.has(h.type)).sort((a, b) => a.start - b.start);
}
