/** A firm's accent colour on the page: the whole brand scale follows it (styles/global.css); none, the portal's own. */
export function applyAccent(accent: string | undefined): void {
  const root = document.documentElement.style;
  if (accent && /^#[0-9a-f]{6}$/i.test(accent)) root.setProperty('--brand-accent', accent);
  else root.removeProperty('--brand-accent');
}
