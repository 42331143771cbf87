import type { TFunction } from 'i18next';

/** "member.role_changed" → the translated label, else the dotted name itself. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}
