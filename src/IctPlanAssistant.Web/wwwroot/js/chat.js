// The citizens' chat: asks POST /api/ask as a stream of server-sent events, shows the text as it is written,
// then the final answer (safe HTML with citation chips), its interpretation, the cited rows and follow-ups.
// The conversation survives a reload or Back (chat-history.js); furigana come from furigana.js; the question box
// suggests plan words and project names as the user types (suggest.js).
import { applyLanguage, t, formatNumber, lang, markJapanese, rateLimitMessage } from './i18n.js';
import { el, safeHtml, ApiError, errorFrom, rowHref, getJson } from './dom.js';
import { conversationId, savedTurns, saveTurn, startOver, answerStyle, setUpStyleSwitch } from './chat-history.js';
import { setUpFurigana, furigana } from './furigana.js';
import { glossChips } from './glosses.js';
import { setUpSuggestions } from './suggest.js';

applyLanguage();

const form = document.getElementById('ask-form');
const question = document.getElementById('question');
const askButton = document.getElementById('ask-button');
const conversationList = document.getElementById('conversation');
const announcer = document.getElementById('announcer');
const errorBox = document.getElementById('error');
const counter = document.getElementById('question-count');
let maxLength = null; // learnt from the server's first "too long" answer
let busy = false;

/** A long answer shows this many cited rows, and the rest behind "ほかN件". */
const rowsShown = 3;

// In an index of several plans, /?plan=KEY asks within that plan only.
const plan = new URLSearchParams(location.search).get('plan') || undefined;

document.getElementById('examples').append(...exampleButtons());

document.getElementById('new-conversation').addEventListener('click', async () => {
  conversationList.replaceChildren();
  hideError();
  await startOver();
  announcer.textContent = t('chat.cleared');
  question.focus();
});

// First, so that an Enter that picks a suggestion asks it rather than the text typed so far.
const suggestions = setUpSuggestions(question, document.getElementById('question-suggestions'), document.getElementById('suggestions-status'), text => ask(text), 'suggest.openAsk');
question.addEventListener('input', updateCounter);
question.addEventListener('keydown', event => {
  // Enter sends, but not while an input method is still composing Japanese text.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    form.requestSubmit();
  }
});
form.addEventListener('submit', event => {
  event.preventDefault();
  suggestions.close();
  ask(question.value);
});
updateCounter();
for (const saved of savedTurns()) addTurn(saved.question).finish(saved.answer);
setUpFurigana(document.getElementById('furigana-toggle'), document.getElementById('main'));
setUpStyleSwitch(document.getElementById('plain-toggle'));

function updateCounter() {
  const count = question.value.trim().length;
  counter.textContent = maxLength ? t('chat.countMax', { count, max: maxLength }) : t('chat.count', { count });
  counter.classList.toggle('over', maxLength !== null && count > maxLength);
}

async function ask(text) {
  const trimmed = text.trim();
  if (busy) return;
  if (!trimmed) {
    showError(t('chat.empty'));
    question.focus();
    return;
  }
  if (maxLength !== null && trimmed.length > maxLength) {
    showError(t('chat.tooLong', { length: trimmed.length, max: maxLength }));
    question.focus();
    return;
  }
  hideError();
  setBusy(true);
  const turn = addTurn(trimmed);
  try {
    const answer = await streamAnswer(trimmed, delta => turn.write(delta));
    turn.finish(answer);
    saveTurn(trimmed, answer);
    question.value = '';
    updateCounter();
    announcer.textContent = t('chat.answered', { text: turn.body.textContent.trim() });
    // The answer from its start: a long one then reads down towards the question box, which stays in view.
    turn.item.scrollIntoView({ block: 'start' });
    await furigana(turn.item);
  } catch (error) {
    turn.remove();
    showError(messageFor(error));
    if (error instanceof ApiError && error.status === 400) question.focus();
  } finally {
    setBusy(false);
  }
}

/** POST /api/ask with Accept: text/event-stream; calls onDelta for each piece of text, resolves with the answer. */
async function streamAnswer(text, onDelta) {
  let response;
  try {
    response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question: text, conversation: conversationId(), plan, style: answerStyle() }),
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw await errorFrom(response);
  if (!(response.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) return response.json();

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (event.type === 'delta') onDelta(JSON.parse(event.data).text);
      else if (event.type === 'answer') return JSON.parse(event.data);
      else if (event.type === 'error') throw new ApiError(500, JSON.parse(event.data));
    }
  }
  throw new ApiError(0, null); // the stream ended without an answer
}

function parseEvent(block) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return { type, data: data.join('\n') };
}

function messageFor(error) {
  if (!(error instanceof ApiError)) return t('common.failed');
  const { status, problem } = error;
  if (status === 400 && problem.code === 'question-too-long') {
    maxLength = problem.maxLength ?? maxLength;
    updateCounter();
    return t('chat.tooLong', { length: problem.length, max: problem.maxLength });
  }
  if (status === 400 && problem.code === 'question-empty') return t('chat.empty');
  if (status === 413) return t('chat.tooLongNoCount');
  if (status === 429) return rateLimitMessage(error);
  return t('common.failed');
}

/** One question and its answer in the conversation list; n numbers the answer, so each landmark's name is its own. */
function addTurn(text) {
  const n = conversationList.children.length + 1;
  const body = el('div', { class: 'answer-body' }, el('p', { class: 'thinking', 'data-no-ruby': true, text: t('chat.thinking') }));
  const streamed = el('p', { class: 'streaming', 'data-no-ruby': true, hidden: true });
  const answer = el('article', { class: 'answer', 'aria-label': t('chat.answerOf', { n }) }, streamed, body);
  const item = el('li', { class: 'turn' },
    el('div', { class: 'question-bubble' }, el('span', { class: 'visually-hidden', text: `${t('chat.you')}: ` }), el('p', { text })),
    answer);
  conversationList.append(item);
  item.scrollIntoView({ block: 'nearest' });
  return {
    body,
    item,
    write(delta) {
      body.hidden = true;
      streamed.hidden = false;
      streamed.append(document.createTextNode(delta)); // a model's draft is shown as plain text until it is checked
    },
    finish(result) {
      streamed.remove();
      body.hidden = false;
      body.replaceChildren(safeHtml(result.answerHtml ?? ''));
      const interpretation = el('p', { class: 'interpretation', text: t('chat.interpretation', { text: result.interpretation?.text ?? '' }) });
      answer.prepend(interpretation);
      if (result.notice) answer.append(el('p', { class: 'notice', text: result.notice }));
      if (result.noMatch) answer.append(noMatch(text, result, n));
      if (result.rows?.length) answer.append(citedRows(result.rows, n));
      if (result.related?.length) answer.append(relatedRows(result.related, n, result.noMatch));
      if (result.followUps?.length) answer.append(followUps(result.followUps, n));
      if (lang === 'en') markJapanese(answer);
    },
    remove() { item.remove(); },
  };
}

/**
 * What to try after a not-found answer (whose text has already said nothing matched, so this does not say it
 * again): the nearest plan words, when the server sends them; a question per department; the example questions;
 * the staff search with the same words. The answer's follow-ups, if any, follow as for every answer.
 */
function noMatch(text, result, n) {
  const departments = el('ul', { class: 'suggestions' });
  departmentList().then(names => departments.append(...names.map(department => el('li', {},
    el('button', { type: 'button', class: 'example', onclick: () => ask(t('chat.departmentQuestion', { department })) },
      el('span', { lang: 'ja', text: department }))))))
    .catch(() => departments.closest('.try-departments')?.remove());
  return el('section', { class: 'no-match', 'aria-label': t('chat.tryOf', { n }) },
    el('h3', { text: t('chat.tryHeading') }),
    nearestWords(result.nearestWords),
    el('div', { class: 'try-departments' }, el('h4', { text: t('chat.byDepartment') }), departments),
    el('h4', { text: t('chat.examples') }),
    el('ul', { class: 'suggestions' }, exampleButtons()),
    el('p', {}, el('a', { href: `/search?q=${encodeURIComponent(text)}` }, t('chat.searchInstead'))));
}

/** Plan words close to the question's (result.nearestWords, from the server's suggestion service when it has one). */
function nearestWords(words) {
  if (!Array.isArray(words) || words.length === 0) return null;
  return el('div', { class: 'try-words' },
    el('h4', { text: t('chat.nearestWords') }),
    el('ul', { class: 'suggestions' }, words.map(word => el('li', {},
      el('button', { type: 'button', class: 'example', onclick: () => ask(String(word)) }, String(word))))));
}

let departments = null;

/** The plan's departments (the facets of a one-row search), asked once. */
function departmentList() {
  departments ??= getJson('/api/search?top=1').then(result => result.facets.departments.map(facet => facet.value));
  return departments;
}

function exampleButtons() {
  return t('chat.examplesList').map(example => el('li', {}, el('button', { type: 'button', class: 'example', onclick: () => ask(example) }, example)));
}

/** The cited rows as chips; past a few, the rest wait behind a "ほかN件" button (they stay in the page, hidden). */
function citedRows(rows, n) {
  const list = el('ul', { class: 'chips' }, rows.map((row, i) => el('li', { hidden: i >= rowsShown && rows.length > rowsShown + 1 }, chip(row))));
  const hidden = [...list.children].filter(item => item.hidden);
  const more = hidden.length === 0 ? null : el('button', {
    type: 'button', class: 'more-rows',
    onclick: () => {
      hidden.forEach(item => { item.hidden = false; });
      more.remove();
      hidden[0].querySelector('a').focus();
    },
  }, t('chat.moreRows', { count: hidden.length }));
  if (lang === 'en') glossChips(list, rows);
  return el('section', { class: 'cited', 'aria-label': t('chat.sourcesOf', { n }) }, el('h3', { text: t('chat.sources') }), list, more);
}

/**
 * The projects the search ranked after the answer's: they match part of the question, not enough to be cited. Open
 * when nothing was found (they are then the best lead), folded under the cited rows otherwise.
 */
function relatedRows(rows, n, open) {
  return el('details', { class: 'related', open, 'aria-label': t('chat.relatedOf', { n }) },
    el('summary', { text: t('chat.related', { count: rows.length }) }),
    el('p', { class: 'related-note', text: t('chat.relatedNote') }),
    el('ul', { class: 'chips' }, rows.map(row => el('li', {}, chip(row)))));
}

function chip(row) {
  const budget = row.budgetThousandYen === null ? t('common.noBudget') : t('common.budget', { value: formatNumber(row.budgetThousandYen) });
  return el('a', { class: 'chip', href: rowHref(row.id), 'data-row': row.id },
    el('span', { class: 'chip-id', text: row.id }),
    el('span', { class: 'chip-name', lang: 'ja', text: row.name }),
    el('span', { class: 'chip-meta' }, el('span', { lang: 'ja', text: row.department }), ` · ${budget}`));
}

function followUps(items, n) {
  return el('section', { class: 'followups', 'aria-label': t('chat.followUpsOf', { n }) },
    el('h3', { text: t('chat.followUps') }),
    el('ul', {}, items.map(text => el('li', {}, el('button', { type: 'button', class: 'example', onclick: () => ask(text) }, text)))));
}

function setBusy(value) {
  busy = value;
  // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
  askButton.setAttribute('aria-disabled', String(value));
  conversationList.setAttribute('aria-busy', String(value));
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function hideError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}
