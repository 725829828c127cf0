// Sets the colour scheme before the app's script runs (no white flash on a dark page), as
// Mantine's ColorSchemeScript would; a file rather than an inline script, which the Content
// Security Policy refuses. The key is COLOR_SCHEME_KEY in src/app/providers.tsx.
(function () {
  var chosen = null;
  try {
    chosen = window.localStorage.getItem("pn-color-scheme");
  } catch {
    // Storage may be blocked; the system setting decides then.
  }
  var scheme =
    chosen === "light" || chosen === "dark"
      ? chosen
      : window.matchMedia("(prefers-color-scheme: dark)").matches
        ? "dark"
        : "light";
  document.documentElement.setAttribute("data-mantine-color-scheme", scheme);
})();
