import { initials } from '../lib/format';

/** Initials in a circle; decorative (the name is always written next to it). */
export function Avatar({ name, size = 28, square = false }: { name: string; size?: number; square?: boolean }) {
  let hue = 0;
  for (const ch of name) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  return (
    <span
      className={square ? 'avatar avatar-square' : 'avatar'}
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.4), background: `hsl(${hue} 45% 32%)` }}
    >
      {initials(name)}
    </span>
  );
}
