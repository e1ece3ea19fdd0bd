// Site-wide behaviour, as a small ES module (no framework, no build step).
// Everything works without it; it only adds comfort.

import "./time.js"; // times in the reader's zone and format (and the browser's, when anonymous)

// Ask before leaving a form with unsaved changes (profile and long posts).
for (const form of document.querySelectorAll("form[data-warn-unsaved]")) {
  let dirty = false;
  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("submit", () => { dirty = false; });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) event.preventDefault();
  });
}

// The header's menu on a phone (templates/includes/header.html) is an HTML popover: the
// browser opens it from the Menu button, closes it on Escape or a tap outside and gives focus
// back to the button, all without this script. Here: aria-expanded tells the truth, the menu
// closes when the keyboard leaves it (Tab past its last link), and when the window widens to
// the full header (site.css: 60rem).
const menu = document.getElementById("site-menu");
const menuButton = document.querySelector('button[popovertarget="site-menu"]');
if (menu && menuButton && typeof menu.hidePopover === "function") {
  const isOpen = () => menu.matches(":popover-open");
  menu.addEventListener("toggle", (event) => {
    menuButton.setAttribute("aria-expanded", String(event.newState === "open"));
  });
  menu.addEventListener("focusout", (event) => {
    const next = event.relatedTarget;
    if (next && next !== menuButton && !menu.contains(next) && isOpen()) menu.hidePopover();
  });
  window.matchMedia("(min-width: 60rem)").addEventListener("change", (event) => {
    if (event.matches && isOpen()) menu.hidePopover();
  });
}
