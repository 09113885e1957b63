// Runs before first paint (external file, so the CSP needs no 'unsafe-inline'):
// applies the chosen language and direction so Arabic never flashes left-to-right, and the
// chosen light or dark scheme (none chosen: the system's).
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
  var theme = null;
  try {
    theme = localStorage.getItem('sp_theme');
  } catch {
    /* storage blocked */
  }
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
})();
