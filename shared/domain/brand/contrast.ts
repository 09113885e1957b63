/**
 * A firm's accent colour, checked before it is used (WCAG 2.2 contrast ratios). It fills the
 * buttons under white text and colours links on white, so it needs 4.5:1 against white; in dark
 * mode the portal lightens it for text, and the colour itself must still stand out from the
 * dark surface as a UI colour (3:1, WCAG 1.4.11).
 */

export const DEFAULT_ACCENT = '#1d5fd1';
/** The dark surface of the portal in dark mode (slate-900). */
export const DARK_SURFACE = '#0f172a';
export const MIN_ON_WHITE = 4.5;
export const MIN_ON_DARK = 3;

export const isHexColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value);

/** Relative luminance of a #rrggbb colour (0 black … 1 white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The contrast ratio of two colours, 1 … 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Why the colour cannot be the accent (with its ratios, rounded down to 2 places), or undefined when it can. */
export function accentProblem(hex: string): string | undefined {
  if (!isHexColour(hex)) return 'must be a colour like #1d5fd1';
  const floor = (n: number) => Math.floor(n * 100) / 100;
  const onWhite = contrast(hex, '#ffffff');
  if (onWhite < MIN_ON_WHITE) return `is too light: ${floor(onWhite)}:1 against white, and white text on it needs at least ${MIN_ON_WHITE}:1`;
  const onDark = contrast(hex, DARK_SURFACE);
  if (onDark < MIN_ON_DARK) return `is too dark: ${floor(onDark)}:1 against the dark theme's background, which needs at least ${MIN_ON_DARK}:1`;
  return undefined;
}
