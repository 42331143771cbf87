import { describe, expect, it } from 'vitest';
import { commandFor, isTypingTarget, step } from './keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('commandFor', () => {
  it('maps the single keys', () => {
    expect(['j', 'k', 'r', 'e', 'a', '/', '?'].map((k) => commandFor(key(k)))).toEqual([
      'next',
      'previous',
      'reply',
      'resolve',
      'assign',
      'search',
      'help',
    ]);
  });

  it('leaves other keys and modifier combinations to the browser', () => {
    expect(commandFor(key('x'))).toBeNull();
    expect(commandFor(key('J'))).toBeNull();
    expect(commandFor(key('r', { ctrlKey: true }))).toBeNull();
    expect(commandFor(key('a', { metaKey: true }))).toBeNull();
    expect(commandFor(key('e', { altKey: true }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is true for fields one types in', () => {
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('is false for buttons, checkboxes, links and nothing', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'A' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('step', () => {
  it('moves within bounds', () => {
    expect(step(0, 3, 1)).toBe(1);
    expect(step(2, 3, 1)).toBe(2);
    expect(step(0, 3, -1)).toBe(0);
  });

  it('starts at the first item when nothing is selected, and is -1 for an empty list', () => {
    expect(step(-1, 3, 1)).toBe(0);
    expect(step(-1, 3, -1)).toBe(0);
    expect(step(-1, 0, 1)).toBe(-1);
  });
});
