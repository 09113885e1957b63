import { describe, expect, it } from 'vitest';
import { accentProblem, contrast, DEFAULT_ACCENT, luminance } from './contrast.ts';

describe('contrast', () => {
  it('matches the WCAG figures for known pairs', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
  });
});

describe('a firm accent colour', () => {
  it('takes the default and mid-tone brand colours', () => {
    for (const hex of [DEFAULT_ACCENT, '#dc2626', '#047857', '#7c3aed', '#C2410C']) expect(accentProblem(hex), hex).toBeUndefined();
  });

  it('refuses a colour white text cannot sit on', () => {
    expect(accentProblem('#fbbf24')).toMatch(/^is too light: 1\.\d+:1 against white/);
    expect(accentProblem('#777777')).toBe('is too light: 4.47:1 against white, and white text on it needs at least 4.5:1');
  });

  it('refuses a colour lost on the dark background', () => {
    expect(accentProblem('#1e3a8a')).toMatch(/^is too dark: 1\.72:1 against the dark theme/);
  });

  it('refuses what is not a #rrggbb colour', () => {
    for (const value of ['blue', '#12345', '#1234567', 'rgb(0,0,0)', '#gggggg']) expect(accentProblem(value)).toBe('must be a colour like #1d5fd1');
  });
});
