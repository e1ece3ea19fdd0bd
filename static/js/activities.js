// Live follow-up activities: keeps the overview's board and an activity's page up to date
// (nothing happens on a page without the hooks below). Load it with
// <script type="module" src="{% static 'js/activities.js' %}"></script>.
//
// Protocol (cop/activities/consumers.py, frames as cop/activities/live.py builds them): one
// listen-only WebSocket at data-live-path (/ws/activities/, ?country=<ISO|regional> or
// ?activity=<id>); server → client
//   activity {id (event id), event: created|status|update|changed|report, country, created,
//             activity {id, title, kind, status, url} | null, status_before?,
//             update {id, author {id, name}, body_html, status_after}?, report {period, status}?}
//   resync {oldest} (more was missed than the server replays) · pong · error.
// The connection (ping, idle watchdog, reconnect with backoff, final 4401/4403) is live.js's; it
// reconnects with ?after=<highest event id seen> and the server replays what we missed.
//
// Hooks in the page:
//   · #activity-labels: <script type="application/json"> (json_script) with the page's labels,
//     {"status": {code: label}, "kind": {…}, "event": {…}, "country": {code: name, "": "Regional"},
//      "strings": {…}} — "strings" (optional; core.live.client_strings() and these keys):
//     connecting · offline %(seconds)s · connected · closed (after 4401/4403) · changes %(count)s
//     (several changes at once) · stale (more was missed than can be replayed: reload) ·
//     status_change %(before)s %(after)s (an update's status change, activity page). Without a
//     string that state is not announced (its state is still on the root's data-live, for CSS).
//   · <p id="live-status" role="status">: connection states and changes are announced there,
//     politely (the reconnect countdown silently).
//   · data-last-event on the root: the highest event id when the page was rendered. Without it
//     the first connection replays nothing (the page is as fresh as it was rendered) and the
//     overview re-fetches its board after a reconnect instead.
//   · data-time-zone on the root (optional): the reader's zone for the times this script shows.
// Overview (/activities/): [data-live-activities] with data-live-path and data-fragment-url (the
//   page's URL with fragment=board: the board partial only). On an activity frame (or resync) the
//   board is fetched again, ~400 ms after the last frame of a burst (at most every 2 s under a
//   steady stream), and #activity-board's content is replaced by it (by the content of the
//   fragment's own #activity-board if it has one; its data-last-event moves the cursor on).
//   Keyboard focus inside the board stays on the element with the same id or link.
// Activity page (/activities/<id>/): [data-live-activity="<id>"] with data-live-path.
//   #activity-status: its text becomes the status's label and data-status its code (the latest
//   event wins, whatever order frames come in); an update frame adds <li id="update-<id>"> to
//   <ol id="activity-timeline"> (newest first, by update id; never twice). The item is a copy of
//   <template id="update-template"> if the page has one, filled in its [data-slot="author"],
//   [data-slot="time"], [data-slot="status"] (hidden when the status did not change) and
//   [data-slot="body"] elements; else an item of the shape of activities/includes/update.html
//   (li.post.activity-update: p.post-meta with the author, the time and the status change, then
//   div.post-body). strings.status_change ("Status: %(before)s → %(after)s") words the change.
//   body_html is the server's sanitised HTML; every other text is set with textContent.

import { openLive } from "./live.js";
import { formatTime as formatMoment } from "./time.js";

const DEBOUNCE_MS = 400, MAX_WAIT_MS = 2000, SEEN_MAX = 500;
const NO_REPLAY = Number.MAX_SAFE_INTEGER; // ?after= past every id: the server replays nothing

let root, statusEl;
let labels = { status: {}, kind: {}, event: {}, country: {}, strings: {} };
let cursor = null;   // highest event id seen; null: unknown (no data-last-event, nothing yet)
let wasDown = false; // a socket was lost since the page loaded
const seen = new Set(); // event ids handled (a replay and the live stream may overlap)

// --- Words -------------------------------------------------------------------------------------
const label = (group, code) => {
  const value = labels[group]?.[code];
  return typeof value === "string" ? value : String(code ?? "");
};

// A string of labels.strings with %(name)s placeholders filled; "" if the page has none.
function t(key, params = {}) {
  const text = typeof labels.strings?.[key] === "string" ? labels.strings[key] : "";
  return text.replace(/%\((\w+)\)s/g, (match, name) => (name in params ? String(params[name]) : match));
}

function say(text, quiet = false) {
  if (!statusEl || !text) return;
  statusEl.setAttribute("aria-live", quiet ? "off" : "polite");
  statusEl.textContent = text; // replaced, never piled up
}

// "Progress update: <title> (Thailand)", in the page's own labels.
function describe(frame) {
  const what = label("event", frame.event);
  const country = label("country", frame.country);
  const subject = frame.activity?.title || frame.report?.period || "";
  return subject ? `${what}: ${subject}${country ? ` (${country})` : ""}` : what;
}

// --- Frames ------------------------------------------------------------------------------------
function firstTime(frame) {
  const id = Number(frame.id);
  if (!Number.isSafeInteger(id) || id <= 0 || seen.has(id)) return 0;
  seen.add(id);
  if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value); // the oldest one
  cursor = Math.max(cursor ?? 0, id);
  return id;
}

function onStatus(state, { seconds, quiet, final } = {}) {
  root.dataset.live = state === "down" && final ? "closed" : state; // for CSS and tests
  if (state === "open") {
    say(t("connected"));
    if (wasDown && cursor === null && board) refreshSoon(); // missed frames cannot be replayed
  } else if (state === "waiting") say(t("offline", { seconds }), quiet);
  else if (state === "connecting") say(t("connecting"));
  else if (state === "down") {
    wasDown = true;
    if (final) say(t("closed"));
  }
}

// --- The overview: the board, fetched again -----------------------------------------------------
let board, fragmentUrl;
let dueTimer = null, firstPending = 0, loading = false, again = false, pending = [];

function refreshSoon(frame) {
  if (frame) pending.push(frame);
  const now = Date.now();
  if (!firstPending) firstPending = now;
  clearTimeout(dueTimer);
  const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now));
  dueTimer = setTimeout(refresh, wait);
}

async function refresh() {
  dueTimer = null;
  firstPending = 0;
  if (loading) { again = true; return; } // one fetch at a time; the latest state wins
  loading = true;
  const told = pending;
  pending = [];
  try {
    const html = await fetchBoard();
    if (html !== null) {
      swapBoard(html);
      if (told.length === 1) say(describe(told[0]));
      else if (told.length > 1) say(t("changes", { count: told.length }) || describe(told.at(-1)));
    }
  } finally {
    loading = false;
    if (again) { again = false; refreshSoon(); }
  }
}

// The board partial as this reader sees it; null if none (an error, a login page, offline).
async function fetchBoard() {
  try {
    const response = await fetch(fragmentUrl, {
      credentials: "same-origin",
      headers: { Accept: "text/html", "X-Requested-With": "XMLHttpRequest" },
    });
    if (response.status !== 200 || response.redirected) return null; // redirected: the login page
    return await response.text();
  } catch {
    return null;
  }
}

function swapBoard(html) {
  const template = document.createElement("template");
  template.innerHTML = html; // our own server's partial, rendered and sanitised there
  const own = template.content.querySelector("#activity-board");
  const last = Number(own?.dataset.lastEvent);
  if (Number.isSafeInteger(last) && last > 0) cursor = Math.max(cursor ?? 0, last);
  const focused = board.contains(document.activeElement) ? document.activeElement : null;
  const place = focused && (focused.id ? `#${CSS.escape(focused.id)}`
    : focused.getAttribute("href") ? `[href="${CSS.escape(focused.getAttribute("href"))}"]` : null);
  board.replaceChildren(...(own || template.content).childNodes);
  if (!focused) return;
  const target = place && board.querySelector(place);
  if (target) return target.focus();
  board.tabIndex = -1; // the element is gone: keep the reader in the board
  board.focus();
}

function onBoardFrame(frame) {
  if (frame.type === "resync") return refreshSoon();
  if (frame.type === "activity" && firstTime(frame)) refreshSoon(frame);
}

// --- An activity's page: its status and timeline --------------------------------------------------
let activityId, statusBadge, timeline, updateTemplate, zone;
let statusEventId = 0; // the event the status shown comes from

function showStatus(code, eventId) {
  if (!statusBadge || !code || eventId < statusEventId) return;
  statusEventId = eventId;
  statusBadge.dataset.status = code;
  statusBadge.textContent = label("status", code);
}

// As the server prints it (core/times.py, through time.js), in the root's zone.
const formatTime = (iso) => formatMoment(iso, { zone });

// "Status: Planned → In progress" with the page's words (strings.status_change), else the arrow.
function statusChange(before, after) {
  const params = { before: label("status", before), after: label("status", after) };
  return t("status_change", params) || (before ? `${params.before} → ${params.after}` : params.after);
}

function updateItem(frame, update) {
  const name = update.author?.name ?? "";
  const time = formatTime(frame.created);
  const status = update.status_after ? statusChange(frame.status_before, update.status_after) : "";
  let li = updateTemplate?.content.firstElementChild?.cloneNode(true);
  if (li) {
    const slot = (key) => li.querySelector(`[data-slot="${key}"]`);
    if (slot("author")) slot("author").textContent = name;
    const timeSlot = slot("time");
    if (timeSlot) {
      timeSlot.textContent = time;
      if (timeSlot.tagName === "TIME") timeSlot.dateTime = frame.created;
    }
    const statusSlot = slot("status");
    if (statusSlot) {
      statusSlot.textContent = status;
      statusSlot.hidden = !status;
      if (update.status_after) statusSlot.dataset.status = update.status_after;
    }
    if (slot("body")) slot("body").innerHTML = update.body_html ?? ""; // sanitised by the server
  } else { // the shape of activities/includes/update.html
    li = document.createElement("li");
    li.className = "post activity-update";
    const meta = document.createElement("p");
    meta.className = "post-meta";
    const author = document.createElement("strong");
    author.textContent = name;
    const stamp = document.createElement("time");
    stamp.dateTime = frame.created;
    stamp.textContent = time;
    meta.append(author, " · ", stamp);
    if (status) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.dataset.status = update.status_after;
      tag.textContent = status;
      meta.append(" · ", tag);
    }
    const body = document.createElement("div");
    body.className = "post-body";
    body.innerHTML = update.body_html ?? ""; // sanitised by the server
    li.append(meta, body);
  }
  li.id = `update-${update.id}`;
  li.dataset.id = String(update.id);
  li.classList.add("is-new");
  return li;
}

// Newest first: before the first item with a smaller update id.
function addUpdate(frame) {
  const update = frame.update;
  const id = Number(update?.id);
  if (!timeline || !Number.isSafeInteger(id) || id <= 0) return false;
  if (document.getElementById(`update-${id}`)) return false; // on the page already
  const older = [...timeline.children].find((li) => {
    const other = Number((li.id || "").replace(/^update-/, ""));
    return Number.isSafeInteger(other) && other > 0 && other < id;
  });
  timeline.insertBefore(updateItem(frame, update), older || null);
  return true;
}

function onActivityFrame(frame) {
  if (frame.type === "resync") return say(t("stale"));
  if (frame.type !== "activity" || Number(frame.activity?.id) !== activityId) return;
  const id = firstTime(frame);
  if (!id) return;
  showStatus(frame.activity.status, id);
  if (frame.event === "update") {
    if (addUpdate(frame)) say(`${label("event", "update")}: ${frame.update.author?.name ?? ""}`);
  } else {
    say(describe(frame));
  }
}

// --- Start ---------------------------------------------------------------------------------------
function readLabels() {
  try {
    const parsed = JSON.parse(document.getElementById("activity-labels")?.textContent || "{}");
    if (parsed && typeof parsed === "object") labels = { ...labels, ...parsed };
  } catch { /* no labels: codes are shown as they are */ }
}

function init() {
  const overview = document.querySelector("[data-live-activities]");
  const page = document.querySelector("[data-live-activity]");
  root = overview || page;
  if (!root?.dataset.livePath) return;
  statusEl = document.getElementById("live-status");
  readLabels();
  zone = root.dataset.timeZone || undefined;
  const last = Number(root.dataset.lastEvent);
  cursor = root.dataset.lastEvent !== undefined && Number.isSafeInteger(last) && last >= 0 ? last : null;
  let onFrame;
  if (overview) {
    board = document.getElementById("activity-board");
    fragmentUrl = overview.dataset.fragmentUrl;
    if (!board || !fragmentUrl) return;
    onFrame = onBoardFrame;
  } else {
    activityId = Number(page.dataset.liveActivity);
    if (!Number.isSafeInteger(activityId) || activityId <= 0) return;
    statusBadge = document.getElementById("activity-status");
    timeline = document.getElementById("activity-timeline");
    updateTemplate = document.getElementById("update-template");
    onFrame = onActivityFrame;
  }
  openLive({ path: root.dataset.livePath, after: () => cursor ?? NO_REPLAY, onFrame, onStatus });
}

init();
