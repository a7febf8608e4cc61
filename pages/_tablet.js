// The tablet's own behaviour, run in the browser so it holds when the server cannot answer
// (a dead spot, a restart): quick exit (the Exit button and Shift x3), the idle wipe, and a
// copy of her answers kept in this page's memory (never in browser storage: SPEC §2.2) to
// give back to a new server session if the connection comes back within the idle window.
//
// Installed once per tab; each rerun hands it the latest settings and her form as the
// server holds it (`data`). The connection's state is read through `data.connection`,
// which pages/_streamlit_chrome.py describes (the one place that knows Streamlit's page).

const w = window;
const d = document;

function lantern() {
  return (w.__lantern = w.__lantern || {});
}

// Which kiosk answer a text box holds: its widget's key, from the st-key-<key> class.
function boxKey(box) {
  const holder = box.closest && box.closest("[class*='st-key-']");
  if (!holder) return null;
  for (const name of holder.classList) {
    if (name.startsWith("st-key-")) return name.slice("st-key-".length);
  }
  return null;
}

function connected(L) {
  const c = L.cfg && L.cfg.connection;
  if (!c) return true;
  const app = d.querySelector(c.selector);
  // Before Streamlit has drawn its app there is nothing to lose.
  return !app || app.getAttribute(c.attribute) === c.connected;
}

function onKiosk() {
  return !!d.querySelector(".st-key-exit");
}

function install(L) {
  L.installed = true;
  L.last = Date.now();
  L.presses = [];
  L.typed = {};
  // One navigation only: the Exit button's rerun and this script may both try to leave,
  // and a second location.replace would abort the first.
  L.go = function (url) {
    if (L.gone) return;
    L.gone = true;
    w.location.replace(url);
  };
  // Blank the page at once and forget her answers. The Exit button's click also asks the
  // server to wipe her session, and its rerun sends her away; if the server is slow or
  // gone she leaves anyway 0.6 s after the tap, so quick exit never takes a second.
  L.away = function () {
    if (L.leaving) return;
    L.leaving = true;
    L.memory = null;
    L.restoring = null;
    L.typed = {};
    if (w.speechSynthesis) w.speechSynthesis.cancel();
    d.title = "";
    d.documentElement.style.background = "#ffffff";
    if (d.body) d.body.style.visibility = "hidden";
    setTimeout(function () {
      L.go(L.cfg.exitUrl);
    }, 600);
  };
  L.leave = function () {
    const button = d.querySelector(".st-key-exit button");
    if (button && !button.disabled) button.click();
    L.away();
  };
  const onExit = (e) => !!(e.target.closest && e.target.closest(".st-key-exit"));
  // A click (mouse, keyboard Enter) on Exit. Streamlit disables every widget while the
  // connection is down, and a disabled button gets no click: a finished touch or press on
  // it (pointerup, which a disabled button still gets, and not after a scroll) leaves too.
  d.addEventListener(
    "click",
    function (e) {
      if (onExit(e)) L.away();
    },
    true,
  );
  d.addEventListener(
    "pointerup",
    function (e) {
      if (onExit(e) && !connected(L)) L.away();
    },
    true,
  );
  d.addEventListener(
    "keydown",
    function (e) {
      L.last = Date.now();
      if (e.key === "Shift") {
        L.other = false;
      } else {
        L.other = true;
        L.presses = [];
      }
    },
    true,
  );
  d.addEventListener(
    "keyup",
    function (e) {
      if (e.key !== "Shift" || !onKiosk()) return;
      if (L.other) {
        L.other = false;
        L.presses = [];
        return;
      }
      const now = Date.now();
      L.presses = L.presses.filter((t) => now - t < 5000);
      L.presses.push(now);
      if (L.presses.length >= 3) {
        L.presses = [];
        L.leave();
      }
    },
    true,
  );
  // Streamlit ignores an edit that would take a box past its max_chars, so a long paste
  // would vanish without a word; a native maxlength cuts it to fit instead.
  d.addEventListener(
    "focusin",
    function (e) {
      const box = e.target;
      if (!box.matches || !onKiosk()) return;
      for (const selector in L.cfg.limits) {
        if (box.matches(selector)) {
          box.maxLength = L.cfg.limits[selector];
          return;
        }
      }
    },
    true,
  );
  // What she types reaches the server only when the box loses focus: keep the newest
  // words of each answer box here too, so a connection lost mid-sentence loses nothing.
  d.addEventListener(
    "input",
    function (e) {
      L.last = Date.now();
      const box = e.target;
      if (!L.memory || !box.matches || !box.matches("textarea, input[type='text']")) return;
      const key = boxKey(box);
      if (key && L.cfg.keep && L.cfg.keep.test(key)) L.typed[key] = box.value;
    },
    true,
  );
  ["pointerdown", "touchstart", "wheel"].forEach(function (name) {
    d.addEventListener(
      name,
      function () {
        L.last = Date.now();
      },
      true,
    );
  });
  setInterval(function () {
    tick(L);
  }, 1000);
  // A sleeping tablet's timers stop: look again the moment it wakes, before anyone reads
  // what was left on the screen.
  ["visibilitychange", "resume", "pageshow", "focus"].forEach(function (name) {
    (name === "focus" || name === "pageshow" ? w : d).addEventListener(name, function () {
      tick(L);
    });
  });
}

// Forget her form in the browser: the copy in memory, what the boxes hold, what shows.
function wipeHere(L) {
  L.memory = null;
  L.typed = {};
  L.restoring = null; // never hand a wiped form back
  d.querySelectorAll(".st-key-kiosk_body textarea, .st-key-kiosk_body input").forEach(
    function (box) {
      box.value = "";
    },
  );
  d.documentElement.classList.add("lantern-wiped");
}

// Once a second (and on waking): the idle wipe, and the connection's comings and goings.
function tick(L) {
  const online = connected(L);
  if (L.memory && Date.now() - L.last >= L.cfg.idleMs) {
    L.last = Date.now();
    wipeHere(L);
    // The server's copy goes too: now if it can hear, or as soon as it can again.
    L.pendingWipe = true;
  }
  // The thank-you screen goes back to Welcome from the server; with no connection the
  // page blanks it itself when its time is up (its card may hold a concern).
  if (!online && L.thanksUntil && Date.now() >= L.thanksUntil) {
    L.thanksUntil = null;
    wipeHere(L);
    L.pendingWipe = true;
  }
  if (!online) {
    L.wasOffline = true;
    return;
  }
  if (L.wasOffline) reconnected(L);
  else if (L.pendingWipe) wipeThere(L);
  else if (L.restoring && Date.now() - L.restoring.sentAt > 3000 && L.restoring.tries < 5) {
    // No run came back: the message may have gone before the page's connection was ready.
    askAgain(L);
  }
}

function askAgain(L) {
  L.restoring.tries += 1;
  L.restoring.sentAt = Date.now();
  const form = L.restoring.form;
  setTimeout(function () {
    L.trigger("restore", form);
  }, 0);
}

// Ask the server to forget her form: the step's own reset button (hidden), or, on a page
// that has lost it, the component's trigger.
function wipeThere(L) {
  L.pendingWipe = false;
  const reset = d.querySelector(".st-key-kiosk_idle_reset button");
  if (reset && !reset.disabled) reset.click();
  else if (L.trigger) L.trigger("wipe", Date.now());
}

// The connection is back (seen by the clock, or by a run of the server arriving first).
function reconnected(L) {
  L.wasOffline = false;
  if (!L.trigger) return;
  if (L.pendingWipe) {
    wipeThere(L);  // the server's copy goes too, if the session that held it is still there
    return;
  }
  if (L.memory) {
    // A new server session (a restart, or the old one timed out) has lost her form: hand
    // it the copy kept here. The server takes it only into an empty session, so the same
    // session coming back ignores it.
    const answers = Object.assign({}, L.memory.answers, L.typed);
    L.restoring = {
      form: Object.assign({}, L.memory, { answers: answers }),
      tries: 1,
      sentAt: Date.now(),
    };
    L.trigger("restore", L.restoring.form);
  }
}

export default function (component) {
  const L = lantern();
  const data = component.data || {};
  L.cfg = {
    exitUrl: data.exitUrl,
    idleMs: data.idleMs,
    limits: data.limits || {},
    connection: data.connection,
    keep: data.keep ? new RegExp(data.keep) : null,
  };
  L.trigger = component.setTriggerValue;
  if (!L.installed) install(L);
  L.thanksUntil = data.returnMs ? Date.now() + data.returnMs : null;
  if (L.wasOffline && L.memory) {
    // A new session's first run got here before the clock saw the connection back: keep
    // her form, and hand it over.
    reconnected(L);
    return;
  }
  if (L.restoring) {
    // A session that comes back empty may have run before her form reached it (a new
    // session's first run races the page's message): ask again, a few times at most.
    if (data.step === "welcome" && !data.memory && L.restoring.tries < 5 && !L.pendingWipe) {
      askAgain(L);
      return;
    }
    // Her form is back on the server (or it never lost it): done.
    if (data.memory) L.restored = (L.restored || 0) + 1;
    L.restoring = null;
  }
  if (data.memory) {
    // Her form as the server holds it. Words typed here stay on top of it: a box's newest
    // words are always what the page shows.
    L.memory = data.memory;
  } else {
    L.memory = null;
    L.typed = {};
    // The wipe has reached the server: what shows now is a clean screen.
    if (!L.pendingWipe) d.documentElement.classList.remove("lantern-wiped");
  }
  if (data.memory && !L.pendingWipe) d.documentElement.classList.remove("lantern-wiped");
}
