// One self-healing WebSocket for every live page (space.js, forum.js and the live views to come).
//
// openLive({path, after, onFrame, onStatus}) opens ws(s)://<host><path>?after=<after()> (&after=
// when the path has a query already) and:
//   · sends {"type": "ping"} every 25 s while open; 60 s without any frame (or an attempt that never
//     opens) counts as a dead link: the socket is dropped and we reconnect;
//   · reconnects after any close with a random delay (0.25 s plus up to 2 s, 4 s … 30 s: full jitter),
//     at once when the browser comes back online or the tab becomes visible, asking after() again
//     so the server replays only what we missed; the browser going offline drops the socket at once;
//   · never reconnects after close code 4401 or 4403 (not logged in / not allowed: final).
// onFrame(frame) gets every JSON object frame (pong included). onStatus(state, detail) is called with
//   "connecting" · "open" · "down" {code, final} once per lost socket (final: no more attempts) ·
//   "waiting" {seconds, quiet} every second until the next attempt (quiet on every tick but the
//   first, so a status line can stop announcing the countdown).
// Returns {send(frame) → sent?, reconnectNow(), close()} (close: stop for good, no more status).

const PING_MS = 25_000, IDLE_MS = 60_000, MAX_DELAY_MS = 30_000;
const FATAL_CODES = new Set([4401, 4403]);

export function openLive({ path, after = () => 0, onFrame = () => {}, onStatus = () => {} }) {
  let ws = null;
  let attempt = 0;     // reconnect attempts since the last successful open
  let stopped = false; // final close code, or close() was called
  let retryTimer, countdownTimer, pingTimer, idleTimer;

  function send(frame) {
    if (ws?.readyState !== 1 /* OPEN */) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }

  // Idle watchdog: any frame proves the link is alive.
  function touch() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(dropSocket, IDLE_MS);
  }

  function connect() {
    clearTimeout(retryTimer);
    clearInterval(countdownTimer);
    if (stopped || ws) return;
    onStatus("connecting", {});
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    let sock;
    // The page's language: the server's error details come back in it.
    const lang = encodeURIComponent(document.documentElement.lang || "");
    const query = `${path.includes("?") ? "&" : "?"}after=${Number(after()) || 0}&lang=${lang}`;
    try { sock = new WebSocket(`${scheme}://${location.host}${path}${query}`); }
    catch { return scheduleReconnect(); }
    ws = sock;
    touch(); // also bounds an attempt that never opens
    sock.onopen = () => {
      if (ws !== sock) return;
      attempt = 0;
      clearInterval(pingTimer);
      pingTimer = setInterval(() => send({ type: "ping" }), PING_MS);
      onStatus("open", {});
    };
    sock.onmessage = (event) => {
      if (ws !== sock) return;
      touch();
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame && typeof frame === "object") onFrame(frame);
    };
    sock.onclose = (event) => { if (ws === sock) disconnected(event.code); };
    sock.onerror = () => {}; // a close event, with its code, always follows
  }

  function disconnected(code) {
    ws = null;
    clearInterval(pingTimer);
    clearTimeout(idleTimer);
    const final = FATAL_CODES.has(code);
    if (final) stopped = true;
    onStatus("down", { code, final });
    if (!final) scheduleReconnect();
  }

  // Give up on the current socket now (dead link) instead of waiting for its close event.
  function dropSocket() {
    const sock = ws;
    if (!sock) return;
    ws = null; // its own close event is ignored from now on
    try { sock.close(); } catch { /* already closing */ }
    disconnected(1006);
  }

  function scheduleReconnect() {
    clearTimeout(retryTimer);
    clearInterval(countdownTimer);
    if (stopped) return;
    // Full jitter: a crowd whose worker died spreads its reconnects instead of arriving at once.
    const delay = 250 + Math.random() * Math.min(MAX_DELAY_MS, 2000 * 2 ** attempt);
    attempt = Math.min(attempt + 1, 10);
    const due = Date.now() + delay;
    const tick = (quiet) => onStatus("waiting", { seconds: Math.max(1, Math.ceil((due - Date.now()) / 1000)), quiet });
    tick(false);
    countdownTimer = setInterval(() => tick(true), 1000);
    retryTimer = setTimeout(connect, delay);
  }

  const reconnectNow = () => { if (!stopped && !ws) connect(); };
  const onVisible = () => { if (document.visibilityState === "visible") reconnectNow(); };

  function close() {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(countdownTimer);
    clearInterval(pingTimer);
    clearTimeout(idleTimer);
    const sock = ws;
    ws = null;
    try { sock?.close(1000); } catch { /* already closing */ }
    window.removeEventListener("online", reconnectNow);
    window.removeEventListener("offline", dropSocket);
    document.removeEventListener("visibilitychange", onVisible);
  }

  window.addEventListener("online", reconnectNow);
  window.addEventListener("offline", dropSocket); // the link is gone: say so now
  document.addEventListener("visibilitychange", onVisible);
  connect();
  return { send, reconnectNow, close };
}
