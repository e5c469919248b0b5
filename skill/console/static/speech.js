// Play an answer's SSML with the browser's speech synthesis, keeping every <break> at its
// length, and time it. Where the browser cannot speak (no voices, headless), each sentence is
// timed at the speaking rate the skill plans its holds with, so the length is still right.
// An <audio> sound (Alexa's sound library is not reachable offline) is a short beep, timed as
// the skill times its chimes.
"use strict";

const Speech = (() => {
  const rate = { secondsPerSyllable: 0.289, soundSeconds: 1.0 };
  const START_WITHIN_MS = 2500;
  const STRENGTHS = { none: 0, "x-weak": 0, weak: 250, medium: 400, strong: 750, "x-strong": 1000 };
  const AMAZON = "https://developer.amazon.com/alexa/ssml";
  let voiceless = !("speechSynthesis" in window);
  let current = null;

  function breakMs(element) {
    const time = /^(\d+(?:\.\d+)?)(ms|s)$/.exec((element.getAttribute("time") || "").trim());
    if (time) return Math.min(Number(time[1]) * (time[2] === "s" ? 1000 : 1), 10000);
    return STRENGTHS[element.getAttribute("strength") || "medium"] ?? 400;
  }

  // The answer as a list of {text} and {pause: ms}.
  function segments(ssml) {
    const source = ssml.trim().startsWith("<speak") ? ssml : `<speak>${ssml}</speak>`;
    const xml = new DOMParser().parseFromString(source.replace("<speak", `<speak xmlns:amazon="${AMAZON}"`), "application/xml");
    if (xml.getElementsByTagName("parsererror").length)
      return [{ text: source.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim() }];
    const parts = [];
    let words = "";
    const flush = () => {
      if (words.trim()) parts.push({ text: words.replace(/\s+/g, " ").trim() });
      words = "";
    };
    (function walk(node) {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) words += child.nodeValue;
        else if (child.nodeName === "break") {
          flush();
          parts.push({ pause: breakMs(child) });
        } else if (child.nodeName === "audio") {
          flush();
          parts.push({ sound: child.getAttribute("src") || "" });
        } else if (child.nodeName === "p") {
          flush();
          walk(child);
          flush();
          parts.push({ pause: STRENGTHS["x-strong"] });
        } else walk(child);
      }
    })(xml.documentElement);
    flush();
    return parts;
  }

  // Syllables as the skill counts them (vowel groups, a silent final e dropped).
  function syllables(text) {
    let count = 0;
    for (const word of text.toLowerCase().match(/[a-z']+/g) || []) {
      let groups = (word.match(/[aeiouy]+/g) || []).length;
      if (word.endsWith("e") && !word.endsWith("le") && !word.endsWith("ee") && groups > 1) groups -= 1;
      count += Math.max(groups, 1);
    }
    return count;
  }

  function estimateMs(text) {
    return syllables(text) * rate.secondsPerSyllable * 1000;
  }

  let audio = null;
  function beep(play) {
    try {
      audio = audio || new AudioContext();
      const tone = audio.createOscillator(), volume = audio.createGain();
      tone.frequency.value = 880;
      volume.gain.setValueAtTime(0.15, audio.currentTime);
      volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
      tone.connect(volume).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.4);
    } catch (failure) {
      // no sound here: the time still passes
    }
    return wait(play, rate.soundSeconds * 1000);
  }

  function wait(play, milliseconds) {
    return new Promise((resolve) => {
      play.wake = resolve;
      play.timer = setTimeout(resolve, Math.max(0, milliseconds));
    });
  }

  // Speak one sentence; falls back to its estimated length if the browser cannot speak.
  function say(play, text, lang) {
    const began = performance.now();
    const estimate = estimateMs(text);
    if (voiceless) return wait(play, estimate);
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      const voices = speechSynthesis.getVoices().filter((one) => one.lang === lang);
      const voice = voices.find((one) => one.localService) || voices[0];
      if (voice) utterance.voice = voice;
      let started = false, settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        resolve();
      };
      const giveUp = () => {
        if (settled || started) return;
        settled = true;
        clearTimeout(watchdog);
        voiceless = true;
        speechSynthesis.cancel();
        wait(play, play.stopped ? 0 : estimate - (performance.now() - began)).then(resolve);
      };
      utterance.onstart = () => { started = true; };
      utterance.onend = finish;
      utterance.onerror = (event) => {
        if (started || play.stopped || event.error === "interrupted" || event.error === "canceled") finish();
        else giveUp();
      };
      play.utterance = utterance; // kept referenced: Chrome drops events of collected ones
      const watchdog = setTimeout(giveUp, START_WITHIN_MS);
      speechSynthesis.speak(utterance);
    });
  }

  function stop() {
    if (!current) return;
    current.stopped = true;
    clearTimeout(current.timer);
    if (current.wake) current.wake();
    if (!voiceless) speechSynthesis.cancel();
    current = null;
  }

  // Play ``ssml``; ``tick(ms, playing)`` is called as time passes and once at the end.
  async function play(ssml, lang, tick) {
    stop();
    const mine = { stopped: false };
    current = mine;
    const began = performance.now();
    const clock = setInterval(() => tick(performance.now() - began, true), 100);
    try {
      for (const part of segments(ssml)) {
        if (mine.stopped) break;
        if (part.pause !== undefined) await wait(mine, part.pause);
        else if (part.sound !== undefined) await beep(mine);
        else await say(mine, part.text, lang);
      }
    } finally {
      clearInterval(clock);
      if (current === mine) current = null;
      tick(performance.now() - began, false, mine.stopped);
    }
  }

  function pauses(ssml) {
    return segments(ssml).reduce((sum, part) => sum + (part.pause || 0), 0);
  }

  // The skill's own timing for words and sounds, for browsers that cannot speak.
  function setRate(secondsPerSyllable, soundSeconds) {
    if (secondsPerSyllable > 0) rate.secondsPerSyllable = secondsPerSyllable;
    if (soundSeconds >= 0) rate.soundSeconds = soundSeconds;
  }

  return { play, stop, pauses, segments, setRate, rate, isVoiceless: () => voiceless };
})();
