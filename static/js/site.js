// Site-wide behaviour, as a small ES module (no framework, no build step).
// Everything works without it; it only adds comfort.

// Ask before leaving a form with unsaved changes (profile and long posts).
for (const form of document.querySelectorAll("form[data-warn-unsaved]")) {
  let dirty = false;
  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("submit", () => { dirty = false; });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) event.preventDefault();
  });
}
