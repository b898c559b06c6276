// Furigana: readings over kanji (<ruby>) for the text of a page, from POST /api/readings (MeCab's readings, with
// the plan's reading list for proper nouns). Segments are written as text nodes, never as markup. The switch is
// remembered per browser; text added later (an answer) is annotated by calling furigana(node).
import { el, textNodesUnder } from './dom.js';

const kanji = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆ヶ]/;
const skipped = 'ruby, .ruby, [data-no-ruby], textarea, script, style, option, title';
// The server's limits per request (ReadingsApi).
const maxTexts = 200;
const maxCharacters = 20000;

const readings = new Map(); // text → segments, so switching again costs no request
const originals = new WeakMap(); // annotated span → the text node it replaced
let on = false;
let pageRoot = document.body;

/** Wires the switch (a button with aria-pressed) for the given part of the page, and annotates it if it was on. */
export function setUpFurigana(button, root) {
  pageRoot = root;
  on = remembered();
  button.setAttribute('aria-pressed', String(on));
  button.addEventListener('click', () => {
    on = !on;
    button.setAttribute('aria-pressed', String(on));
    try { localStorage.setItem('furigana', on ? 'on' : 'off'); } catch { /* private mode: on for this page only */ }
    if (on) furigana(pageRoot);
    else removeRuby(pageRoot);
  });
  return furigana(pageRoot);
}

/** Puts readings over the kanji under node, when furigana is on. */
export async function furigana(node) {
  if (!on) return;
  const nodes = textNodesUnder(node, text => kanji.test(text.data) && !text.parentElement?.closest(skipped));
  try {
    await fetchReadings([...new Set(nodes.map(n => n.data))].filter(text => !readings.has(text)));
  } catch {
    return; // no readings this time: the text stays as it is
  }
  for (const text of nodes) {
    if (on && text.isConnected && readings.has(text.data)) annotate(text);
  }
}

function remembered() {
  try { return localStorage.getItem('furigana') === 'on'; } catch { return false; }
}

async function fetchReadings(texts) {
  for (const batch of batches(texts)) {
    const response = await fetch('/api/readings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ texts: batch }),
    });
    if (!response.ok) throw new Error(`readings: HTTP ${response.status}`);
    const result = await response.json();
    batch.forEach((text, i) => readings.set(text, result.readings[i]));
  }
}

function* batches(texts) {
  let batch = [];
  let length = 0;
  for (const text of texts.filter(t => t.length <= maxCharacters)) {
    if (batch.length === maxTexts || length + text.length > maxCharacters) {
      yield batch;
      batch = [];
      length = 0;
    }
    batch.push(text);
    length += text.length;
  }
  if (batch.length) yield batch;
}

// The readings are for the eye: hidden from screen readers, which read the kanji themselves, so a button or a
// sentence is not heard with every word twice and keeps its accessible name.
function annotate(text) {
  const span = el('span', { class: 'ruby' }, readings.get(text.data).map(segment => segment.reading
    ? el('ruby', {}, segment.text, el('rp', { 'aria-hidden': 'true', text: '(' }), el('rt', { 'aria-hidden': 'true', text: segment.reading }), el('rp', { 'aria-hidden': 'true', text: ')' }))
    : segment.text));
  originals.set(span, text);
  text.replaceWith(span);
}

function removeRuby(node) {
  for (const span of node.querySelectorAll('span.ruby')) {
    if (originals.has(span)) span.replaceWith(originals.get(span));
  }
}
