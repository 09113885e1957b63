// @ts-check
/*
 * Browsers before light-dark() (Safari < 17.5, Chrome < 123, Firefox < 120) drop every colour
 * variable written with it, and pages lose their text and surfaces. This build step adds the
 * light values under `@supports not (color: light-dark(...))`, so those browsers get the light
 * theme instead of none. Newer browsers never read the block.
 */

const DECLARATION = /(--[\w-]+)\s*:\s*light-dark\(/g;

/** The text up to the comma that ends light-dark()'s first argument, or null when unbalanced. */
function firstArgument(css, start) {
  let depth = 0;
  for (let i = start; i < css.length; i++) {
    const char = css[i];
    if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) return null;
      depth--;
    } else if (char === ',' && depth === 0) return css.slice(start, i).trim();
  }
  return null;
}

/** @param {string} css @returns {string} the stylesheet, with the fallback block appended when needed */
export function withLightDarkFallback(css) {
  const lightValues = new Map();
  for (const match of css.matchAll(DECLARATION)) {
    const light = firstArgument(css, match.index + match[0].length);
    if (light) lightValues.set(match[1], light);
  }
  if (lightValues.size === 0) return css;
  const declarations = [...lightValues].map(([name, value]) => `${name}:${value}`).join(';');
  return `${css}\n@supports not (color:light-dark(#fff,#000)){:root,:root[data-theme]{color-scheme:light;${declarations}}}\n`;
}

/** Vite plugin: runs on compiled stylesheets (after Tailwind, before bundling). */
export function lightDarkFallback() {
  return {
    name: 'light-dark-fallback',
    apply: /** @type {const} */ ('build'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!/\.css(\?|$)/.test(id) || !code.includes('light-dark(')) return null;
      return { code: withLightDarkFallback(code), map: null };
    },
  };
}
