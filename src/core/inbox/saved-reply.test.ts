import { describe, expect, it } from 'vitest';
import { fillSavedReply, firstNameOf } from './saved-reply';

const vars = { contact: { name: 'Anna de Vries' }, agent: { name: 'Els' }, organization: { name: 'Gemeente Voorbeeld' } };

describe('saved replies', () => {
  it('fills every known variable, with or without spaces inside the braces', () => {
    expect(fillSavedReply('Beste {{contact.firstName}}, groet {{ agent.name }} ({{organization.name}}) voor {{contact.name}}', vars)).toEqual({
      text: 'Beste Anna, groet Els (Gemeente Voorbeeld) voor Anna de Vries',
      unknown: [],
    });
  });
  it('leaves unknown variables visible and names them', () => {
    expect(fillSavedReply('Hoi {{contact.nickname}} en {{x.y}}', vars)).toEqual({ text: 'Hoi {{contact.nickname}} en {{x.y}}', unknown: ['contact.nickname', 'x.y'] });
  });
  it('does not cut handles or addresses into a first name', () => {
    expect(firstNameOf('@anna.bsky.social')).toBe('@anna.bsky.social');
    expect(firstNameOf('anna@example.nl')).toBe('anna@example.nl');
    expect(firstNameOf('  Piet  Jansen ')).toBe('Piet');
  });
});
