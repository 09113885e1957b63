import { describe, expect, it } from 'vitest';
import { withLightDarkFallback } from './light-dark-fallback.mjs';

describe('the light-dark() fallback', () => {
  it('gives browsers without light-dark() each variable’s light value, nested functions included', () => {
    const css = ':root{--a:light-dark(#fff, #000);--b: light-dark(color-mix(in oklab, var(--x) 8%, white), black)}';
    const out = withLightDarkFallback(css);
    expect(out.startsWith(css)).toBe(true);
    expect(out).toContain('@supports not (color:light-dark(#fff,#000)){:root,:root[data-theme]{color-scheme:light;');
    expect(out).toContain('--a:#fff;--b:color-mix(in oklab, var(--x) 8%, white)}}');
  });

  it('leaves a stylesheet without light-dark() as it is', () => {
    expect(withLightDarkFallback('a{color:red}')).toBe('a{color:red}');
  });
});
