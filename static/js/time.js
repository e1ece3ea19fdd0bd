// Times as the server prints them (core/times.py), for the times a script writes itself and,
// for an anonymous reader, in the browser's own zone. site.js imports it on every page.
//
// The page carries #time-settings (JSON, core/templatetags/times.py time_settings):
//   zone      the signed-in reader's zone; null for an anonymous reader (the browser's is used)
//   formats   {datetime, date}: the active language's Django DATETIME_FORMAT / DATE_FORMAT
//   names     the translated names those patterns use ({M: [12 short months]}, ...)
//   just_now  the server's words for a moment under a minute old
// formatTime() prints a Django pattern with the numbers of the moment in the zone (Intl, latin
// digits, Gregorian calendar) and the server's names, so "3 Mar 2027, 09:05" reads the same from
// either side. For an anonymous reader, every <time data-time> the server printed in UTC ("… UTC")
// is rewritten in the browser's zone, and so is every one added to the page later (live
// fragments). Every minute, relative times (data-time="relative") are said again: the server's
// "just now" under a minute, Intl.RelativeTimeFormat in the page's language for minutes and hours,
// the date from a day on (as core.times.relative does).

const FALLBACK = { zone: null, formats: { datetime: "j M Y, H:i", date: "j M Y" }, names: {}, just_now: "" };
// Django's format characters (django.utils.dateformat); a backslash escapes the next character.
const FORMAT_CHARS = /[aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ]/;
const MINUTE = 60_000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;

const settings = readSettings();
const lang = document.documentElement.lang || undefined;
const numbers = new Map(); // zone -> Intl.DateTimeFormat giving that zone's numbers
let relativeFormat;

function readSettings() {
  try {
    const parsed = JSON.parse(document.getElementById("time-settings")?.textContent || "null");
    if (parsed && typeof parsed === "object") return { ...FALLBACK, ...parsed };
  } catch { /* a page without settings prints the fallback pattern */ }
  return FALLBACK;
}

function browserZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; } catch { return "UTC"; }
}

function numbersIn(zone) {
  let format = numbers.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, calendar: "gregory", numberingSystem: "latn", hourCycle: "h23",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    numbers.set(zone, format);
  }
  return format;
}

// The moment's year, month, day, hour, minute, second and weekday (Monday 0, as Python's) in `zone`.
function fields(date, zone) {
  let parts;
  try { parts = numbersIn(zone).formatToParts(date); }
  catch { parts = numbersIn(browserZone()).formatToParts(date); } // a zone this browser does not know
  const f = {};
  for (const { type, value } of parts) if (type !== "literal") f[type] = Number(value);
  f.hour %= 24; // some engines say 24 at midnight
  f.weekday = (new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay() + 6) % 7;
  return f;
}

const pad = (n) => String(n).padStart(2, "0");
const name = (key, i) => settings.names?.[key]?.[i] ?? "";

function field(c, f) {
  const h12 = f.hour % 12 || 12, pm = f.hour > 11 ? 1 : 0;
  switch (c) {
    case "d": return pad(f.day);
    case "j": return String(f.day);
    case "w": return String((f.weekday + 1) % 7);
    case "D": case "l": return name(c, f.weekday);
    case "m": return pad(f.month);
    case "n": return String(f.month);
    case "M": case "b": case "F": case "E": case "N": return name(c, f.month - 1);
    case "y": return pad(f.year % 100);
    case "Y": return String(f.year).padStart(4, "0");
    case "H": return pad(f.hour);
    case "G": return String(f.hour);
    case "h": return pad(h12);
    case "g": return String(h12);
    case "i": return pad(f.minute);
    case "s": return pad(f.second);
    case "A": case "a": return name(c, pm);
    case "P":
      if (f.minute === 0 && f.hour === 0) return name("P", 2); // midnight
      if (f.minute === 0 && f.hour === 12) return name("P", 3); // noon
      return `${f.minute ? `${h12}:${pad(f.minute)}` : h12} ${name("P", pm)}`;
    default: return c; // the server's formats use none of the others (core.times.FORMAT_CHARACTERS)
  }
}

function toDate(value) {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// `value` (a Date or an ISO 8601 string) as the server prints it: style "datetime" or "date", in
// `zone` (else the reader's, else the browser's). "" for something that is not a moment.
export function formatTime(value, { style = "datetime", zone } = {}) {
  const date = toDate(value);
  if (!date) return "";
  const pattern = settings.formats?.[style] ?? FALLBACK.formats[style] ?? FALLBACK.formats.datetime;
  const f = fields(date, zone || settings.zone || browserZone());
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") { i += 1; out += pattern[i] ?? ""; }
    else out += FORMAT_CHARS.test(c) ? field(c, f) : c;
  }
  return out;
}

function said(unit, amount) {
  return settings.ago?.[unit]?.[amount - 1] || relativeWords(-amount, unit);
}

function relativeWords(amount, unit) {
  if (!relativeFormat) {
    try { relativeFormat = new Intl.RelativeTimeFormat(lang, { numeric: "always" }); }
    catch { relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "always" }); } // a bad lang
  }
  return relativeFormat.format(amount, unit);
}

// `value` said relative to `now`: "just now" under a minute, minutes, hours, then (and for a
// moment ahead) the date.
export function formatRelative(value, now = Date.now()) {
  const date = toDate(value);
  if (!date) return "";
  const age = now - date.getTime();
  if (age >= DAY || age <= -MINUTE) return formatTime(date, { style: "date" });
  if (age < MINUTE) return settings.just_now || relativeWords(0, "second");
  // The server's words (time_settings), as the page prints them after a reload.
  if (age < HOUR) return said("minute", Math.floor(age / MINUTE));
  return said("hour", Math.floor(age / HOUR));
}

// <time datetime="…">…</time> for a moment this script shows (a live message).
export function timeElement(value, style = "datetime") {
  const node = document.createElement("time"), date = toDate(value);
  node.dataset.time = style;
  if (!date) return node;
  node.dateTime = typeof value === "string" ? value : date.toISOString();
  node.textContent = style === "relative" ? formatRelative(date) : formatTime(date, { style });
  return node;
}

function rewrite(node) {
  const date = toDate(node.getAttribute("datetime"));
  if (!date) return;
  const style = node.dataset.time;
  if (style === "relative") {
    node.textContent = formatRelative(date);
    if (node.title) node.title = formatTime(date);
  } else if (style === "datetime" || style === "date") {
    node.textContent = formatTime(date, { style });
  }
}

// An anonymous reader's page: the server's UTC times, in the browser's zone.
function localize(root) {
  if (root.matches?.("time[data-time]")) rewrite(root);
  root.querySelectorAll?.("time[data-time]").forEach(rewrite);
}

function refreshRelative() {
  document.querySelectorAll('time[data-time="relative"]').forEach(rewrite);
}

if (!settings.zone) {
  localize(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) localize(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
setInterval(refreshRelative, MINUTE);
