// The page's building blocks: elements, Skill I/O items, the before-and-after tables, and the
// device's screen. Everything the skill sent is set as text, never parsed as HTML.
"use strict";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const pretty = (value) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));
const brief = (value) => (value === undefined ? "—" : JSON.stringify(value));

function details(title, body, open) {
  const box = el("details");
  box.appendChild(el("summary", "", title));
  box.appendChild(body);
  box.open = Boolean(open);
  return box;
}

function ioItem(turn) {
  const body = el("div");
  body.appendChild(details("Request", el("pre", "json", pretty(turn.request))));
  body.appendChild(details("Response", el("pre", "json", turn.response === null ? "(no response)" : pretty(turn.response))));
  const title = `#${turn.index + 1} ${turn.utterance} → ${turn.error ? "error" : turn.label}`;
  const item = details(title, body);
  item.className = "io-turn";
  return item;
}

// The state panel: before and after, what changed highlighted.
function changeTable(title, view, missing) {
  const box = el("div", "changes");
  box.appendChild(el("h3", "", title));
  if (!view) {
    box.appendChild(el("p", "muted", missing));
    return box;
  }
  const changed = view.rows.filter((row) => row.change !== "same").length;
  box.appendChild(el("p", changed ? "summary changed" : "summary", changed ? `${changed} changed` : "nothing changed"));
  const table = el("table");
  const head = table.createTHead().insertRow();
  for (const name of ["", "before", "after"]) head.appendChild(el("th", "", name));
  const rows = table.createTBody();
  for (const row of view.rows) {
    const line = rows.insertRow();
    line.className = `change-${row.change}`;
    line.insertCell().textContent = row.path;
    line.insertCell().textContent = row.change === "added" ? "—" : brief(row.before);
    line.insertCell().textContent = row.change === "removed" ? "—" : brief(row.after);
  }
  box.appendChild(table);
  return box;
}

// The device's screen: the turn's APL document (or its card) at the device's pixel size.
// Returns the running document, whose stop() ends its commands; ``running`` is the last one.
function drawScreen(host, device, turn, running) {
  if (running) running.stop();
  if (!device.width) {
    host.className = "screen voice";
    host.replaceChildren(el("p", "muted", "Voice-only device: nothing to see."));
    return null;
  }
  host.className = "screen";
  const stage = el("div", "stage");
  stage.style.width = `${device.width}px`;
  stage.style.height = `${device.height}px`;
  host.replaceChildren(stage);
  let drawn = null;
  const directive = turn && !turn.error && turn.apl[turn.apl.length - 1];
  if (directive) {
    try {
      drawn = APL.render(stage, directive, device);
    } catch (failure) {
      stage.replaceChildren(el("p", "error", `The APL document cannot be drawn: ${failure.message}`));
    }
  } else {
    const card = turn && turn.card && !turn.ended ? turn.card : null;
    const home = el("div", "home");
    home.appendChild(el("div", "home-title", card ? card.title : "Toe Twitch Helper"));
    home.appendChild(el("div", "home-text", card ? card.text : "(no document on screen)"));
    stage.appendChild(home);
  }
  fitScreen(host, device);
  return drawn;
}

// Scale the screen down to the panel's width.
function fitScreen(host, device) {
  const stage = host.querySelector(".stage");
  if (!stage) return;
  const scale = Math.min(1, host.clientWidth / device.width);
  stage.style.transform = `scale(${scale})`;
  host.style.height = `${device.height * scale}px`;
}
