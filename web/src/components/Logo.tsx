/** The Regie mark and word. */
export function Logo({ withWord = true }: { withWord?: boolean }) {
  return (
    <span className="logo">
      <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--brand)" />
        <path
          d="M11 23V9h6.2a4.3 4.3 0 0 1 1.2 8.4L22 23h-3.6l-3.2-5.3H14.2V23Zm3.2-8.2h2.8a1.5 1.5 0 0 0 0-3h-2.8Z"
          fill="#fff"
        />
      </svg>
      {withWord && <span className="logo-word">Regie</span>}
    </span>
  );
}
