// The workshop form: a button that adds another empty session row.
// Without it the form still works: it always offers empty rows, and saving offers another.

const list = document.querySelector("[data-session-forms]");
const template = document.getElementById("session-form-template");
const total = document.querySelector('input[name="sessions-TOTAL_FORMS"]');
const button = document.querySelector("[data-add-session]");

if (list && template && total && button) {
  button.hidden = false;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    list.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const added = list.lastElementChild;
    const first = added && added.querySelector("input:not([type=hidden])");
    if (first) first.focus();
  });
}
