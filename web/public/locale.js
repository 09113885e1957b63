// Runs before first paint (external file, so the CSP needs no 'unsafe-inline'):
// applies the chosen language and direction so Arabic never flashes left-to-right.
(function () {
  var locale = 'en';
  try {
    locale = localStorage.getItem('sp_locale') || 'en';
  } catch {
    /* storage blocked */
  }
  if (['en', 'ar', 'hi'].indexOf(locale) < 0) locale = 'en';
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
})();
