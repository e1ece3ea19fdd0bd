// Live forum topic: enhances the server-rendered #topic-live section (nothing happens without it).
//
// Protocol (JSON text frames over one WebSocket at data-ws-path, see forum/consumers.py):
//   client → server  ping (every 25 s)
//   server → client  post {id, topic, number, author {id, name}, body_html, created} · post.hidden {id}
//                    · post.updated {id} · pong · error
// The connection (ping, 60 s idle watchdog, reconnect with backoff, final close codes 4401/4403)
// lives in live.js; it reconnects with ?after=<highest post id received> so the server replays what
// we missed (posts already on the page are ignored).
// Posts are never built from frame text: the client fetches the post's HTML fragment from
// data-fragment-url (/forum/p/0/fragment/ with the id in place of 0), rendered and sanitised by the
// server for this reader, and:
//   · post: on the last page, appends it to #posts (class is-new) and announces it; on an earlier page,
//     shows #new-posts-notice instead; a 404 (the reader may not see it) changes nothing;
//   · post.updated: replaces the post if it is on the page, keeping keyboard focus inside it;
//   · post.hidden: removes it and announces that.
// Strings (#forum-strings, json_script): connected · offline %(seconds)s · closed (after 4401/4403) ·
// new_post %(name)s · new_posts · removed · connecting (optional); a missing one shows as "".
// When frames about one post overlap, only the answer to the latest fetch counts (`loads`).

import { openLive } from "./live.js";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), '
  + 'select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

let root, list, statusEl, announcer, notice;
let strings = {};
let cursor = 0;          // highest post id known (page, replay or live)
const loads = new Map(); // post id -> {isNew, name} of the fetch whose answer counts

// Translated strings from #forum-strings; %(name)s placeholders; a missing key gives "".
function t(key, params = {}) {
  const text = typeof strings[key] === "string" ? strings[key] : "";
  return text.replace(/%\((\w+)\)s/g, (match, name) => (name in params ? String(params[name]) : match));
}

function setStatus(text, quiet = false) {
  if (!statusEl) return;
  statusEl.setAttribute("aria-live", quiet ? "off" : "polite"); // countdown ticks are not announced
  statusEl.textContent = text;
}

function announce(text) {
  if (announcer && text) announcer.textContent = text; // replaced, never piled up
}

const byId = (id) => document.getElementById(`post-${id}`);

// Move keyboard focus to `target`'s first focusable element, or to `target` itself.
function focusIn(target) {
  const focusable = target.querySelector(FOCUSABLE);
  if (focusable) return focusable.focus();
  target.tabIndex = -1;
  target.focus();
}

// Posts stay in id order (an approved post can be older than the ones shown).
function insertInOrder(li, id) {
  const after = [...list.children].find((n) => Number(n.dataset.id) > id);
  list.insertBefore(li, after || null);
}

// The server's HTML for one post, as this reader sees it; null if none (404, redirect, network…).
async function fetchPost(id) {
  const url = root.dataset.fragmentUrl.replace("/0/", `/${id}/`);
  try {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (response.status !== 200 || response.redirected) return null; // redirected: a login page
    const template = document.createElement("template");
    template.innerHTML = await response.text(); // our own server's fragment, sanitised there
    const li = template.content.firstElementChild;
    return li?.id === `post-${id}` ? li : null;
  } catch {
    return null;
  }
}

// Fetch post `id` and put it in place of the one shown, or (isNew) add it to the list.
async function load(id, isNew, name = "") {
  const ticket = { isNew, name };
  loads.set(id, ticket);
  const li = await fetchPost(id);
  if (loads.get(id) !== ticket) return; // a later frame about this post took over
  loads.delete(id);
  const old = byId(id);
  if (!li || (!old && !isNew)) return;
  if (old) {
    if (old.classList.contains("is-new")) li.classList.add("is-new");
    const hadFocus = old.contains(document.activeElement);
    old.replaceWith(li);
    if (hadFocus) focusIn(li);
    return;
  }
  li.classList.add("is-new");
  insertInOrder(li, id);
  announce(t("new_post", { name }));
}

function onPost(frame, id) {
  if (byId(id) || loads.has(id)) return; // already shown (or on its way)
  if (root.dataset.onLastPage === "true") load(id, true, frame.author?.name ?? "");
  else if (notice?.hidden) {
    notice.hidden = false;
    announce(t("new_posts"));
  }
}

function onHidden(id) {
  loads.delete(id); // an insert or update still on its way is void
  const li = byId(id);
  if (!li) return;
  if (li.contains(document.activeElement)) { // keep the reader's place: focus a neighbour
    const place = li.nextElementSibling || li.previousElementSibling || list;
    place.tabIndex = -1;
    place.focus();
  }
  li.remove();
  announce(t("removed"));
}

function onFrame(frame) {
  const id = Number(frame.id);
  if (!Number.isInteger(id) || id <= 0) return; // pong, error: receiving it was enough
  if (frame.type === "post") {
    cursor = Math.max(cursor, id);
    onPost(frame, id);
  } else if (frame.type === "post.hidden") {
    onHidden(id);
  } else if (frame.type === "post.updated" && (byId(id) || loads.has(id))) {
    load(id, loads.get(id)?.isNew ?? false, loads.get(id)?.name); // supersedes a fetch on its way
  }
}

function onStatus(state, { seconds, quiet, final } = {}) {
  root.dataset.live = state === "down" && final ? "closed" : state; // for CSS and tests
  if (state === "open") setStatus(t("connected"));
  else if (state === "waiting") setStatus(t("offline", { seconds }), quiet);
  else if (state === "connecting" && strings.connecting) setStatus(t("connecting"));
  else if (state === "down" && final) setStatus(t("closed"));
}

function init() {
  root = document.getElementById("topic-live");
  list = root?.querySelector("#posts");
  if (!list || !root.dataset.wsPath || !root.dataset.fragmentUrl) return;
  [statusEl, announcer, notice] = ["#live-status", "#live-announcer", "#new-posts-notice"]
    .map((selector) => root.querySelector(selector));
  try { strings = JSON.parse(document.getElementById("forum-strings")?.textContent || "{}") || {}; }
  catch { strings = {}; }
  cursor = Number(root.dataset.lastId) || 0;
  for (const li of list.querySelectorAll("li.post[data-id]")) cursor = Math.max(cursor, Number(li.dataset.id) || 0);
  openLive({ path: root.dataset.wsPath, after: () => cursor, onFrame, onStatus });
}

init();
