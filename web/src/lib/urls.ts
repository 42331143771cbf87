/** A link the server gave as a path or a full URL, as a full URL for copying. */
export function absoluteUrl(url: string): string {
  return url.startsWith('/') ? window.location.origin + url : url;
}
