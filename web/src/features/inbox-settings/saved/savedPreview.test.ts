import { describe, expect, it } from 'vitest';
import { exampleVars, insertVariable, previewOf } from './savedPreview';

describe('insertVariable', () => {
  it('inserts at the caret and replaces a selection', () => {
    expect(insertVariable('Hoi !', 'contact.firstName', 4, 4)).toEqual({ text: 'Hoi {{contact.firstName}}!', caret: 25 });
    expect(insertVariable('Hoi naam!', 'agent.name', 4, 8)).toEqual({ text: 'Hoi {{agent.name}}!', caret: 18 });
  });
  it('clamps a caret outside the text', () => {
    expect(insertVariable('ab', 'agent.name', 10, 12)).toEqual({ text: 'ab{{agent.name}}', caret: 16 });
  });
});

describe('previewOf', () => {
  it('fills known variables and reports unknown ones', () => {
    const r = previewOf(
      'Beste {{contact.firstName}}, groet {{agent.name}} ({{organization.name}}) {{contact.nick}}',
      exampleVars('Els', 'Gemeente', 'Sanne de Vries'),
    );
    expect(r.text).toBe('Beste Sanne, groet Els (Gemeente) {{contact.nick}}');
    expect(r.unknown).toEqual(['contact.nick']);
  });
});
