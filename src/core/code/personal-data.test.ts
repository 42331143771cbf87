import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidBsn, isValidIban } from './personal-data';
import { findingsFor, spansOf } from './test-helpers';
import type { PersonalDataType } from './types';

const ALL = new Set<PersonalDataType>(['email', 'phone', 'iban', 'bsn']);
const find = (text: string, types: PersonalDataType[] = [...ALL]) => findPersonalData(text, new Set(types)).map((h) => [h.type, text.slice(h.start, h.end), h.masked]);

describe('BSN (11-proof)', () => {
  it('accepts nine digits that pass the 11-proof and nothing else', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('11122233')).toBe(false);
    expect(isValidBsn('1112223333')).toBe(false);
    expect(isValidBsn('11122233a')).toBe(false);
  });

  it('finds valid numbers written plain, dotted or in groups of three, and masks them', () => {
    expect(find('BSN 111222333, ook 1112.22.333 en 111 222 333', ['bsn'])).toEqual([
      ['bsn', '111222333', '*******33'],
      ['bsn', '1112.22.333', '*******33'],
      ['bsn', '111 222 333', '*******33'],
    ]);
  });

  it('ignores numbers failing the 11-proof, decimals and longer numbers', () => {
    expect(find('BSN 123456789, bedrag 111222333,50, nummer 1111222333 of 111222333x', ['bsn'])).toEqual([]);
  });
});

describe('IBAN (mod 97)', () => {
  it('accepts valid IBANs of known countries, with or without spaces, in any case', () => {
    for (const iban of ['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'nl91abna0417164300', 'GB82WEST12345698765432', 'DE89370400440532013000', 'BE68539007547034']) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });

  it('rejects a wrong checksum, a wrong length and unknown countries', () => {
    for (const iban of ['NL92ABNA0417164300', 'NL91ABNA0417164301', 'NL91ABNA041716430', 'XX91ABNA0417164300', 'NL91-ABNA']) {
      expect(isValidIban(iban), iban).toBe(false);
    }
  });

  it('finds an IBAN in text and masks it like "NL91 **** **** 00"', () => {
    expect(find('Maak over naar NL91 ABNA 0417 1643 00 graag', ['iban'])).toEqual([['iban', 'NL91 ABNA 0417 1643 00', 'NL91 **** **** 00']]);
    expect(find('IBAN:NL91ABNA0417164300.', ['iban'])).toEqual([['iban', 'NL91ABNA0417164300', 'NL91 **** **** 00']]);
  });

  it('does not report an IBAN with a wrong checksum, nor its digits as a phone number', () => {
    expect(find('Maak over naar NL92 ABNA 0417 1643 00', ['iban'])).toEqual([]);
    expect(find('Maak over naar NL91 ABNA 0417 1643 00', ['phone', 'bsn'])).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('finds Dutch and international formats, masked but for the first and last two digits', () => {
    expect(find('+31 6 12345678', ['phone'])).toEqual([['phone', '+31 6 12345678', '+31 * ******78']]);
    expect(find('Bel 06-12345678 vandaag', ['phone'])).toEqual([['phone', '06-12345678', '06-******78']]);
    expect(find('of 020 123 4567.', ['phone'])).toEqual([['phone', '020 123 4567', '02* *** **67']]);
    for (const n of ['0612345678', '(020) 123 4567', '+31 (0)20 123 4567', '0031 6 12345678', '+31612345678', '+44 20 7946 0958', '+1 415 555 0100', '0229-123456']) {
      expect(find(`nummer ${n} dus`, ['phone']).map((h) => h[1]), n).toEqual([n]);
    }
  });

  it('finds two numbers in a row separately', () => {
    expect(find('bel 06 12345678 of 06 87654321', ['phone']).map((h) => h[1])).toEqual(['06 12345678', '06 87654321']);
    expect(find('bel 06 12345678 06 87654321', ['phone']).map((h) => h[1])).toEqual(['06 12345678', '06 87654321']);
  });

  it('ignores dates, times, postcodes, amounts, short numbers and service numbers', () => {
    for (const text of ['op 01-02-2024 10:00', 'op 12-03 om 14.30', '1234 AB Amsterdam', '0.5 0.6 0.7 0.8 0.9', 'code 123456', 'bestelling 2024-000123', '0800-1234567', '0900 1234567', '+15 graden', 'NL-0612345678x']) {
      expect(find(text, ['phone']), text).toEqual([]);
    }
  });
});

describe('e-mail addresses', () => {
  it('finds an address without trailing punctuation and keeps its domain visible', () => {
    const text = 'Mail naar jan.jansen@gemeente.nl.';
    expect(findPersonalData(text, new Set(['email']))).toEqual([{ type: 'email', start: 10, end: 32, masked: 'j***@gemeente.nl' }]);
  });

  it('ignores an @-mention and a lone @', () => {
    expect(find('Dank @gemeente en tot @ morgen', ['email'])).toEqual([]);
  });
});

describe('the personal-data check', () => {
  it('reports only the types it names, with spans and masked matches, in text order', () => {
    const text = 'Mijn BSN is 111222333 en bel 06-12345678';
    expect(spansOf(findingsFor({ kind: 'personal_data', types: ['bsn'] }, text))).toEqual([[[12, 21], '*******33']]);
    const both = findingsFor({ kind: 'personal_data', types: ['phone', 'bsn'] }, text);
    expect(spansOf(both)).toEqual([
      [[12, 21], '*******33'],
      [[29, 40], '06-******78'],
    ]);
    expect(both[1].message.en).toBe('This looks like a phone number: 06-******78. Do not share personal data. It cannot be sent like this. (Rule: Test rule)');
    expect(both[0].message.nl).not.toContain('111222333');
  });

  it('finds nothing in text without digits or @', () => {
    expect(findPersonalData('Geen gegevens hier', ALL)).toEqual([]);
    expect(findPersonalData('06-12345678', new Set())).toEqual([]);
  });
});
