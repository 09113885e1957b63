// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import { lightDarkFallback } from './build/light-dark-fallback.mjs';

// Static output only. Scripts and styles are always external files so the strict CSP
// (script-src 'self'; style-src 'self') holds: nothing inline in the HTML.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { inlineStylesheets: 'never', format: 'directory' },
  vite: {
    plugins: [tailwindcss(), lightDarkFallback()],
    build: { assetsInlineLimit: 0 },
  },
});
