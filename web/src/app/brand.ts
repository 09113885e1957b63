import { useLocale, type OfferedLanguages } from './i18n/index.ts';

/** A firm's accent colour on the page: the whole brand scale follows it (styles/global.css); none, the portal's own. */
export function applyAccent(accent: string | undefined): void {
  const root = document.documentElement.style;
  if (accent && /^#[0-9a-f]{6}$/i.test(accent)) root.setProperty('--brand-accent', accent);
  else root.removeProperty('--brand-accent');
}

/** Shows a page as the firm's own once it is known: its accent colour, and only its languages on offer (ADR 0040). */
export function useFirmLook(): (firm: OfferedLanguages & { accent?: string | undefined }) => void {
  const { offer } = useLocale();
  return (firm) => {
    applyAccent(firm.accent);
    offer(firm);
  };
}
