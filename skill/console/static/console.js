// The console page: the chat, the device's screen, the state before and after, Skill I/O.
// Everything the skill sends is shown with textContent, never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const page = { turns: [], selected: -1, options: null, settings: null, screen: null, storage: "" };

function show(node, message) {
  node.textContent = message || "";
  node.hidden = !message;
}

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
  let reply;
  try {
    reply = await fetch(path, options);
  } catch (failure) {
    throw new Error("The console server does not answer: is toe-twitch console still running?");
  }
  const data = await reply.json().catch(() => null);
  if (!reply.ok || !data) throw new Error((data && data.error) || `The console server answered HTTP ${reply.status}.`);
  return data;
}

// The chat: one item per turn.
function turnItem(turn) {
  const item = el("li", "turn");
  item.dataset.index = turn.index;
  item.appendChild(el("div", "you", turn.utterance));
  if (turn.error) {
    item.classList.add("failed");
    item.appendChild(el("div", "error", turn.error));
  } else {
    item.appendChild(el("div", "resolved", `→ ${turn.label}`));
    if (turn.fallback)
      item.appendChild(el("div", "warn", "Nothing in the interaction model matched these words, so Alexa sent AMAZON.FallbackIntent."));
    if (turn.explain) item.appendChild(details("Intents considered", el("pre", "explain", turn.explain), turn.fallback));
    const alexa = el("div", "alexa");
    alexa.appendChild(el("span", "speech", turn.speech.text || "(says nothing)"));
    if (turn.speech.ssml) {
      const play = el("button", "play", "▶ Play");
      play.type = "button";
      play.addEventListener("click", (event) => { event.stopPropagation(); speak(turn); });
      alexa.appendChild(play);
    }
    item.appendChild(alexa);
    if (turn.reprompt) item.appendChild(el("div", "reprompt", `Reprompt: ${turn.reprompt}`));
    if (turn.card) {
      const card = el("div", "card");
      card.appendChild(el("div", "card-title", `Card: ${turn.card.title}`));
      card.appendChild(el("div", "card-text", turn.card.text));
      item.appendChild(card);
    }
    if (turn.apl.length) item.appendChild(el("div", "muted", "Sent an APL document for the screen."));
  }
  item.appendChild(el("span", `badge ${turn.ended ? "closed" : "open"}`, turn.ended ? "session closed" : "session open"));
  item.addEventListener("click", () => select(turn.index));
  return item;
}

function addTurns(turns) {
  if (!page.turns.length) $("chat").replaceChildren();
  for (const turn of turns) {
    page.turns.push(turn);
    $("chat").appendChild(turnItem(turn));
    $("io").appendChild(ioItem(turn));
  }
  $("chat").lastElementChild?.scrollIntoView({ block: "nearest" });
}

function clearTurns() {
  page.turns = [];
  page.selected = -1;
  $("chat").replaceChildren(el("li", "hint", "A new conversation: press Launch or type a question."));
  $("io").replaceChildren();
  $("state-turn").textContent = "";
  $("state").replaceChildren();
}

function setSession(open) {
  const badge = $("session-status");
  badge.className = `badge ${open ? "open" : "closed"}`;
  badge.textContent = open ? "session open" : "no session";
}

function select(index) {
  const turn = page.turns[index];
  if (!turn) return;
  page.selected = index;
  for (const item of $("chat").children) item.classList.toggle("selected", Number(item.dataset.index) === index);
  $("state-turn").textContent = `after #${index + 1} “${turn.utterance}”`;
  const noStore = page.storage
    ? "The store could not be read for this turn."
    : "Not visible: the skill runs elsewhere. Start the console with DATABASE set to the skill's SQLite file to see it.";
  $("state").replaceChildren(
    changeTable("Dialogue state (session attributes, as the skill reads them)", turn.state, "No response, so no state."),
    changeTable("Stored record and diary entries", turn.stored, noStore),
  );
}

function currentDevice() {
  return page.options.devices[page.settings.device];
}

function renderScreen(turn) {
  $("device-label").textContent = currentDevice().label;
  page.screen = drawScreen($("screen"), currentDevice(), turn, page.screen);
}

// Sound: play an answer, and time it.
function speak(turn) {
  const watch = $("stopwatch");
  const pauses = Speech.pauses(turn.speech.ssml) / 1000;
  Speech.play(turn.speech.ssml, turn.settings.locale, (ms, playing, stopped) => {
    const seconds = (ms / 1000).toFixed(1);
    watch.dataset.state = playing ? "playing" : stopped ? "stopped" : "done";
    watch.dataset.seconds = (ms / 1000).toFixed(2);
    const voice = Speech.isVoiceless()
      ? `; no voice in this browser: words timed at ${Speech.rate.secondsPerSyllable} s a syllable, sounds at ${Speech.rate.soundSeconds} s`
      : "";
    watch.textContent = playing
      ? `▶ speaking… ${seconds} s`
      : `Last answer: ${seconds} s${stopped ? " (stopped)" : ""} (${pauses.toFixed(1)} s of pauses${voice})`;
  });
}

function busy(on) {
  for (const button of document.querySelectorAll("main button, #send")) button.disabled = on;
}

async function say(text) {
  show($("say-error"), "");
  Speech.stop();
  busy(true);
  try {
    const data = await api("/api/say", { text });
    addTurns(data.turns);
    setSession(data.inSession);
    const turn = data.turns[data.turns.length - 1];
    select(turn.index);
    renderScreen(turn);
    $("utterance").value = "";
    if ($("sound").checked && !turn.error && turn.speech.ssml) speak(turn);
  } catch (failure) {
    show($("say-error"), failure.message);
  } finally {
    busy(false);
    $("utterance").focus();
  }
}

async function runReplay(file) {
  show($("replay-error"), "");
  try {
    if (file.size > 256 * 1024) throw new Error(`${file.name} is too large to be a replay file.`);
    const data = await api("/api/replay", { name: file.name, text: await file.text() });
    clearTurns();
    page.settings = data.settings;
    fillSettings();
    addTurns(data.turns);
    setSession(data.inSession);
    const last = data.turns[data.turns.length - 1];
    if (last) select(last.index);
    renderScreen(last);
  } catch (failure) {
    show($("replay-error"), failure.message);
  }
}

function fillSelect(select, entries, value) {
  select.replaceChildren(...entries.map(([key, label]) => {
    const option = el("option", "", label);
    option.value = key;
    return option;
  }));
  select.value = value;
}

function fillSettings() {
  const { devices, locales, persons } = page.options;
  fillSelect($("device"), Object.entries(devices).map(([key, device]) => [key, device.label]), page.settings.device);
  fillSelect($("locale"), locales.map((locale) => [locale, locale]), page.settings.locale);
  fillSelect($("person"), Object.entries(persons), page.settings.person);
}

async function changeSettings() {
  try {
    const data = await api("/api/settings", { device: $("device").value, locale: $("locale").value, person: $("person").value });
    page.settings = data.settings;
    renderScreen(null);
    show($("notice"), "");
  } catch (failure) {
    show($("notice"), failure.message);
  }
}

function wire() {
  $("say-form").addEventListener("submit", (event) => {
    event.preventDefault();
    say($("utterance").value);
  });
  for (const button of document.querySelectorAll("[data-say]")) button.addEventListener("click", () => say(button.dataset.say));
  $("one-shot").addEventListener("click", () => {
    const text = $("utterance").value.trim();
    if (!text) show($("say-error"), "Type the question in the box first, then press One-shot.");
    else say(`ask toe twitch helper ${text}`);
  });
  $("new-conversation").addEventListener("click", async () => {
    Speech.stop();
    try {
      await api("/api/reset", {});
      clearTurns();
      setSession(false);
      renderScreen(null);
    } catch (failure) {
      show($("notice"), failure.message);
    }
  });
  $("settings").addEventListener("change", changeSettings);
  $("hush").addEventListener("click", () => Speech.stop());
  $("replay-file").addEventListener("change", (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (file) runReplay(file);
  });
  window.addEventListener("resize", () => fitScreen($("screen"), currentDevice()));
}

async function start() {
  window.addEventListener("error", (event) => show($("notice"), `Something on this page failed: ${event.message}`));
  window.addEventListener("unhandledrejection", (event) => show($("notice"), `Something on this page failed: ${event.reason}`));
  try {
    const data = await api("/api/session");
    page.options = data.options;
    page.settings = data.settings;
    page.storage = data.storage;
    Speech.setRate(data.timing.secondsPerSyllable, data.timing.soundSeconds);
    $("target").textContent = data.target;
    $("storage").textContent = data.storage || "not visible from here";
    fillSettings();
    wire();
    if (data.turns.length) addTurns(data.turns);
    setSession(data.inSession);
    if (data.turns.length) select(data.turns.length - 1);
    renderScreen(null);
    document.body.dataset.ready = "true";
  } catch (failure) {
    show($("notice"), `The console cannot start: ${failure.message}`);
  }
}

start();
