// Real-time discussion space: enhances the server-rendered #discussion section.
//
// Protocol (JSON text frames over one WebSocket):
//   client → server  message.send {client_id, body} · message.delete {id} · ping
//   server → client  message {id, seq, …} · ack {client_id, id} · message.deleted {id, seq} · presence · pong ·
//                    error {code} · resync {oldest, seq}
// Sending: every message gets a client_id (UUID v4) and waits in `unacked` (shown as a pending
// <li>) until the server acks it. The server stores a client_id only once, so resending is safe.
// The server answers the sends of one connection in order (ack or error), so an error frame is
// matched to the oldest send still waiting for an answer (`inflight`).
// Gaps: `seq` numbers a space's messages 1, 2, 3 … with no holes. The channel layer may drop a
// frame under load, so a seq that skips ahead means we missed one: it is fetched over HTTP
// (?after=<id of the last message before the gap>) and the cursor only moves past messages seen
// without a gap.
// Reconnect and catch-up: the socket is live.js's (pings, dead-link watchdog, reconnects with full
// jitter, final after 4401/4403), asked for ?after=<cursor> each time so the server replays what we
// missed (ids already shown are ignored); once open, every unacked message is resent with its
// original client_id. "unavailable" errors (the server's database or Redis did not answer) and
// "rate_limited" ones keep the message pending and retry it later.
// Long absence: past LIVE_REPLAY_LIMIT missed messages the server sends {"type": "resync", "oldest",
// "seq"} and then only the latest ones. We count seq from there (what lies before is not fetched) and
// show a notice where the hole is, "Older messages are not shown" with a "Load older messages" link
// (the archive without JavaScript; with it, pages of 50 loaded in place until the hole is closed).
// Its words are the template's (data-older-hidden, data-load-older), translated there.

import { openLive } from "./live.js";
import { timeElement } from "./time.js";

const MAX_BODY = 4000, RATE_RETRY_MS = 10_000, UNAVAILABLE_RETRY_MS = 3_000;
const NEAR_BOTTOM_PX = 80;
const ERROR_CODES = ["rate_limited", "too_long", "bad_request", "forbidden", "unavailable"];

let root, list, statusEl, announcer, composer, textarea, limitEl, presenceEl;
let strings = {}, userId = "", canModerate = false, myName = "";
let live = null;   // the socket (live.js)
let isOpen = false;
let cursor = 0;    // id of the message with the highest seq received without a gap
let seq = 0;       // highest seq received without a gap (page, replay, live or fetched)
const ahead = new Map(); // seq -> id of messages received past a gap, until it is filled
let filling = false;     // a gap fetch is under way
let rateTimer;
const unacked = new Map();    // client_id -> body, in the order the user sent them
const pendingEls = new Map(); // client_id -> its <li>, until the server confirms it
let inflight = [];            // client_ids sent on the current socket, not yet answered
let replaying = false;        // after a resync, until the replay ends (its presence frame)

function t(key, params = {}) {
  const text = typeof strings[key] === "string" ? strings[key] : key;
  return text.replace(/%\((\w+)\)s/g, (match, name) => (name in params ? String(params[name]) : match));
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function setStatus(text, quiet = false) {
  if (!statusEl) return;
  statusEl.setAttribute("aria-live", quiet ? "off" : "polite"); // countdown ticks are not announced
  statusEl.textContent = text;
}

function uuid4() {
  if (crypto.randomUUID) return crypto.randomUUID(); // secure contexts only
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const byId = (id) => document.getElementById(`m-${id}`);
const nearBottom = () => list.scrollHeight - list.scrollTop - list.clientHeight <= NEAR_BOTTOM_PX;
const scrollToBottom = () => { list.scrollTop = list.scrollHeight; };
const canDelete = (authorId) => canModerate || String(authorId) === userId;

const timeEl = (iso) => timeElement(iso); // as the server prints it, in the reader's zone (time.js)

function deleteButton() {
  const button = el("button", "message-delete-button link-button", t("delete"));
  button.type = "button";
  return button;
}

function renderMessage(msg) {
  const li = el("li", "message"), meta = el("p", "message-meta"), body = el("div", "message-body");
  li.id = `m-${msg.id}`;
  Object.assign(li.dataset, { id: msg.id, authorId: msg.author?.id ?? "" });
  const author = el("strong", "message-author");
  if (msg.author?.url) {
    const link = el("a", "", msg.author.name ?? "");
    link.href = (root.dataset.languagePrefix || "") + msg.author.url; // the page's language
    author.append(link);
  } else author.textContent = msg.author?.name ?? "";
  meta.append(author, " ", timeEl(msg.created));
  body.innerHTML = msg.body_html ?? ""; // sanitised by the server
  li.append(meta, body);
  if (canDelete(msg.author?.id)) li.append(deleteButton());
  if (msg.deleted) markDeleted(li);
  return li;
}

function renderPending(clientId, text) {
  const li = el("li", "message is-pending"), meta = el("p", "message-meta"), body = el("div", "message-body");
  Object.assign(li.dataset, { clientId, authorId: userId });
  meta.append(el("strong", "message-author", myName), " ", el("span", "message-status", t("pending")));
  const p = el("p");
  text.split("\n").forEach((line, i) => p.append(...(i ? [el("br"), line] : [line]))); // text, not HTML
  body.append(p);
  li.append(meta, body);
  return li;
}

// Keep confirmed messages in id order; unconfirmed ones (no data-id) stay at the bottom. The
// resync notice has an id too (half below the first message after the hole), so it stays in place.
const ordered = (n) => n.classList.contains("message") || n.classList.contains("resync-notice");
function insertInOrder(li) {
  const id = Number(li.dataset.id);
  let before = null;
  for (let n = list.lastElementChild; n; n = n.previousElementSibling) {
    if (n === li || !ordered(n)) continue;
    if (n.dataset.id !== undefined && Number(n.dataset.id) < id) break;
    before = n;
  }
  list.insertBefore(li, before);
}

// Replace a message without losing keyboard focus if it was inside it.
function swap(oldLi, newLi) {
  const hadFocus = oldLi.contains(document.activeElement);
  oldLi.replaceWith(newLi);
  if (hadFocus) newLi.querySelector("button")?.focus();
}

function markDeleted(li) {
  const hadFocus = li.contains(document.activeElement), body = li.querySelector(".message-body");
  if (body) body.textContent = t("deleted");
  li.classList.add("is-deleted");
  li.querySelectorAll(".message-delete, .message-delete-button").forEach((n) => n.remove());
  if (hadFocus) { li.tabIndex = -1; li.focus(); }
}

function announce(name, li) {
  if (!announcer) return;
  const text = (li.querySelector(".message-body")?.textContent || "").replace(/\s+/g, " ").trim();
  const excerpt = text.length > 100 ? `${text.slice(0, 99)}…` : text;
  const label = t("new_message", { name });
  announcer.textContent = excerpt ? `${label}: ${excerpt}` : label; // replaced, never piled up
}

// Count a message (or a deletion) by its seq; a jump past seq + 1 is a gap to fill.
function noteSeq(frame) {
  const s = Number(frame.seq), id = Number(frame.id);
  if (!Number.isInteger(s) || s <= 0) { cursor = Math.max(cursor, id); return; } // a server without seq
  if (s <= seq) return;
  ahead.set(s, id);
  while (ahead.has(seq + 1)) {
    seq += 1;
    cursor = Math.max(cursor, ahead.get(seq));
    ahead.delete(seq);
  }
  if (ahead.size) fillGap();
}

async function fillGap(resync = false) {
  if (filling) return;
  filling = true;
  try {
    for (let round = 0; (resync || ahead.size) && round < 50; round++) {
      const url = `${root.dataset.olderUrl}?after=${encodeURIComponent(cursor)}`;
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) break;
      const data = await response.json();
      for (const frame of data.frames || []) onFrame(frame);
      if (!data.has_more) break;
    }
  } catch { /* the next frame, or the reconnect's replay, fills it */ }
  finally { filling = false; }
}

// The replay after a long absence skipped older messages: count seq from its first one and say so.
function onResync({ oldest, seq: oldestSeq }) {
  const id = Number(oldest), s = Number(oldestSeq);
  if (!Number.isInteger(id) || id <= 0) return;
  if (!Number.isInteger(s) || s <= 0) return fillGap(true); // a server that replays the oldest first
  for (const k of [...ahead.keys()]) if (k < s) ahead.delete(k);
  if (s - 1 > seq) {
    seq = s - 1;
    cursor = Math.max(cursor, id - 1); // ?after= this includes `oldest`
  }
  replaying = true; // the notice is what the live region says, not each replayed message
  showHole(id);
}

function showHole(before) {
  let notice = list.querySelector(".resync-notice");
  if (!notice) {
    notice = el("li", "resync-notice callout");
    const link = el("a", "resync-load", root.dataset.loadOlder || t("load_older"));
    link.href = root.dataset.archiveUrl || "#";
    link.addEventListener("click", (event) => { event.preventDefault(); loadHole(notice, link); });
    notice.append(el("span", "", root.dataset.olderHidden || ""), " ", link);
  }
  notice.dataset.before = before;
  notice.dataset.id = String(before - 0.5);
  insertInOrder(notice);
  if (announcer) announcer.textContent = root.dataset.olderHidden || ""; // the live region
}

async function loadHole(notice, link) {
  if (link.getAttribute("aria-busy") === "true") return;
  link.setAttribute("aria-busy", "true");
  try {
    const url = `${root.dataset.olderUrl}?before=${encodeURIComponent(notice.dataset.before)}`;
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    let closed = !data.has_more || data.before == null;
    for (const msg of data.messages || []) {
      const id = Number(msg.id);
      if (!Number.isInteger(id) || id <= 0) continue;
      if (byId(id)) closed = true; // reached what the page already had: no hole any more
      else insertInOrder(renderMessage({ ...msg, id }));
    }
    if (closed) {
      const next = notice.nextElementSibling, hadFocus = notice.contains(document.activeElement);
      notice.remove();
      if (hadFocus && next) { next.tabIndex = -1; next.focus(); } // keep the reader's place
    } else {
      notice.dataset.before = data.before;
      notice.dataset.id = String(Number(data.before) - 0.5);
      insertInOrder(notice);
      if (link.isConnected) link.focus();
    }
  } catch {
    setStatus(t("failed")); // the link stays for another try
  } finally {
    link.removeAttribute("aria-busy");
  }
}

function onMessage(msg) {
  const id = Number(msg.id);
  if (!Number.isInteger(id) || id <= 0) return;
  noteSeq(msg);
  const mine = String(msg.author?.id) === userId;
  if (mine && msg.author?.name) myName = msg.author.name;
  const existing = byId(id);
  // An acked message of ours is shown as typed (.is-local); upgrade it to the server's rendering.
  if (existing && !existing.classList.contains("is-local")) return;
  const pending = mine && msg.client_id ? pendingEls.get(msg.client_id) : null;
  if (pending) {
    pendingEls.delete(msg.client_id);
    unacked.delete(msg.client_id); // stored: no need to resend
  }
  const near = nearBottom(), li = renderMessage({ ...msg, id }), old = existing || pending;
  if (old) swap(old, li);
  insertInOrder(li);
  if (near || pending) scrollToBottom();
  if (!mine && !old && !replaying) announce(msg.author?.name ?? "", li);
}

function onAck({ client_id: clientId, id }) {
  id = Number(id);
  unacked.delete(clientId);
  const at = inflight.indexOf(clientId);
  if (at >= 0) inflight.splice(0, at + 1); // anything sent before it was answered or dropped
  const li = pendingEls.get(clientId);
  pendingEls.delete(clientId);
  if (isOpen && statusEl?.textContent !== t("connected")) setStatus(t("connected")); // clear an error
  if (!li || !Number.isInteger(id)) return;
  if (byId(id)) return li.remove(); // its message frame came first
  li.id = `m-${id}`;
  li.dataset.id = id;
  li.classList.remove("is-pending", "is-failed");
  li.classList.add("is-local"); // shown as typed until its message frame arrives
  li.querySelector(".message-status")?.replaceWith(timeEl(new Date().toISOString()));
  li.append(deleteButton());
  const near = nearBottom();
  insertInOrder(li);
  if (near) scrollToBottom();
}

function onPresence({ online }) {
  replaying = false; // the server sends who is here once the replay is over
  if (!presenceEl || !Array.isArray(online)) return;
  presenceEl.replaceChildren(...online.map((user) => {
    if (String(user.id) === userId && user.name) myName = user.name;
    const li = el("li", "", user.name ?? "");
    li.dataset.userId = user.id;
    return li;
  }));
}

function onError({ code }) {
  setStatus(t(ERROR_CODES.includes(code) ? code : "bad_request"));
  if (code === "forbidden") return; // a refused delete (muted senders are closed with 4403)
  const clientId = inflight.shift();
  if (!clientId || !unacked.has(clientId)) return;
  if (code === "rate_limited" || code === "unavailable") {
    clearTimeout(rateTimer); // stays pending; try again later
    rateTimer = setTimeout(sendPending, code === "rate_limited" ? RATE_RETRY_MS : UNAVAILABLE_RETRY_MS);
    return;
  }
  unacked.delete(clientId); // too_long / bad_request: resending would fail again
  const li = pendingEls.get(clientId); // kept in pendingEls: a late ack would still confirm it
  li?.classList.replace("is-pending", "is-failed");
  const label = li?.querySelector(".message-status");
  if (label) label.textContent = t("failed");
}

function onFrame(frame) {
  if (frame?.type === "message") onMessage(frame);
  else if (frame?.type === "ack") onAck(frame);
  else if (frame?.type === "message.deleted") {
    noteSeq(frame);
    const li = byId(Number(frame.id));
    if (li) markDeleted(li);
  }
  else if (frame?.type === "presence") onPresence(frame);
  else if (frame?.type === "resync") onResync(frame); // only the latest are replayed: see onResync
  else if (frame?.type === "error") onError(frame);
  // pong: live.js counts any frame as proof that the link is alive
}

const send = (frame) => live?.send(frame) ?? false;

function sendMessage(clientId) {
  const body = unacked.get(clientId);
  if (body !== undefined && send({ type: "message.send", client_id: clientId, body })) inflight.push(clientId);
}

function sendPending() {
  for (const clientId of [...unacked.keys()]) if (!inflight.includes(clientId)) sendMessage(clientId);
}

function onStatus(state, detail) {
  if (state === "connecting") setStatus(t("connecting"));
  else if (state === "open") {
    isOpen = true;
    setStatus(t("connected"));
    sendPending();
  } else if (state === "waiting") setStatus(t("offline", { seconds: detail.seconds }), detail.quiet);
  else if (state === "down") {
    isOpen = false;
    inflight = [];
    clearTimeout(rateTimer); // reconnecting resends everything anyway
    if (!detail.final) return;
    setStatus(t("forbidden"));
    if (textarea) textarea.disabled = true;
    composer?.querySelectorAll("button").forEach((b) => { b.disabled = true; });
  }
}

function checkLength() {
  const over = textarea.value.length >= MAX_BODY;
  limitEl.hidden = !over;
  limitEl.textContent = over ? t("too_long") : "";
}

function queueComposer() {
  const body = textarea.value;
  if (textarea.disabled || !body.trim()) return;
  if (body.length > MAX_BODY) return checkLength();
  const clientId = uuid4(), li = renderPending(clientId, body);
  unacked.set(clientId, body);
  pendingEls.set(clientId, li);
  list.append(li);
  scrollToBottom();
  textarea.value = "";
  checkLength();
  sendMessage(clientId); // if offline it stays pending and goes out after reconnecting
}

function onListClick(event) {
  const button = event.target.closest?.(".message-delete-button");
  const id = Number(button?.closest("li.message")?.dataset.id);
  if (button && Number.isInteger(id)) send({ type: "message.delete", id });
}

// Server-rendered delete forms: use the socket when it is open, else let the form submit.
function onListSubmit(event) {
  const form = event.target;
  if (!form.matches?.("form.message-delete")) return;
  const id = Number(form.closest("li.message")?.dataset.id);
  if (Number.isInteger(id) && send({ type: "message.delete", id })) event.preventDefault();
}

function showNoMore(button) {
  const note = el("p", "no-more", t("no_more")), hadFocus = document.activeElement === button;
  note.tabIndex = -1;
  button.replaceWith(note);
  if (hadFocus) note.focus(); // the focused button is gone: keep the reader's place
}

async function loadOlder(button) {
  if (button.getAttribute("aria-busy") === "true") return;
  button.setAttribute("aria-busy", "true"); // not `disabled`: that would drop keyboard focus
  try {
    const url = `${root.dataset.olderUrl}?before=${encodeURIComponent(button.dataset.before)}`;
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    const fromBottom = list.scrollHeight - list.scrollTop;
    for (const msg of data.messages || []) {
      const id = Number(msg.id);
      if (Number.isInteger(id) && id > 0 && !byId(id)) insertInOrder(renderMessage({ ...msg, id }));
    }
    list.scrollTop = list.scrollHeight - fromBottom; // keep what the user was reading in place
    if (data.has_more && data.before != null) button.dataset.before = data.before;
    else showNoMore(button);
  } catch {
    setStatus(t("failed")); // the button stays for another try
  } finally {
    button.removeAttribute("aria-busy");
  }
}

function setUpComposer() {
  limitEl = el("p", "composer-limit");
  limitEl.id = "composer-limit";
  limitEl.hidden = true;
  limitEl.setAttribute("aria-live", "polite");
  textarea.after(limitEl);
  const describedBy = textarea.getAttribute("aria-describedby");
  textarea.setAttribute("aria-describedby", describedBy ? `${describedBy} composer-limit` : "composer-limit");
  composer.addEventListener("submit", (event) => { event.preventDefault(); queueComposer(); });
  textarea.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
    event.preventDefault(); // Ctrl/Cmd+Enter sends; plain Enter is a newline
    queueComposer();
  });
  textarea.addEventListener("input", checkLength);
}

// Layout (site.css): below 60rem the space is an app screen, the list filling what the header,
// the title and the composer leave. If that column is still taller than the screen (a long
// description, a message from the server, large text), the window scrolls to its end: the
// latest messages and the composer in view when the page opens.
function showLatest() {
  if (!window.matchMedia("(max-width: 59.99rem)").matches) return;
  const below = root.getBoundingClientRect().bottom - window.innerHeight;
  if (below > 0) window.scrollBy(0, below);
}

// A reader at the end of the list stays there while the list's box changes size (the status
// line filling in, the on-screen keyboard, turning the phone).
function keepEndInView() {
  if (typeof ResizeObserver !== "function") return;
  let atEnd = nearBottom();
  list.addEventListener("scroll", () => { atEnd = nearBottom(); }, { passive: true });
  new ResizeObserver(() => { if (atEnd) scrollToBottom(); }).observe(list);
}

function init() {
  root = document.getElementById("discussion");
  list = root?.querySelector("#messages");
  if (!list) return;
  [statusEl, announcer, composer, textarea, presenceEl] = ["#connection-status", "#announcer", "#composer",
    "#composer-body", "#presence"].map((selector) => document.querySelector(selector));
  try { strings = JSON.parse(document.getElementById("space-strings")?.textContent || "{}"); } catch { strings = {}; }
  userId = root.dataset.userId || "";
  canModerate = root.dataset.canModerate === "true";
  for (const li of list.querySelectorAll("li.message[data-id]")) {
    const s = Number(li.dataset.seq) || 0;
    if (s > seq) { seq = s; cursor = Number(li.dataset.id) || cursor; }
    if (li.dataset.authorId === userId) myName = li.querySelector(".message-author")?.textContent || myName;
  }
  list.addEventListener("click", onListClick);
  list.addEventListener("submit", onListSubmit);
  if (composer && textarea) setUpComposer();
  root.querySelector("#load-older")?.addEventListener("click", (event) => loadOlder(event.currentTarget));
  if (!location.hash.startsWith("#m-")) {  // leave a linked message in view
    scrollToBottom();
    showLatest();
  }
  keepEndInView();
  live = openLive({ path: root.dataset.wsPath, after: () => cursor, onFrame, onStatus });
}

init();
