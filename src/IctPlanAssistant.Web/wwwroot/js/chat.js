// The citizens' chat: asks POST /api/ask as a stream of server-sent events, shows the text as it is written,
// then the final answer (safe HTML with citation chips), its interpretation, the cited rows and follow-ups.
import { applyLanguage, t, formatNumber, rateLimitMessage } from './i18n.js';
import { el, safeHtml, ApiError, errorFrom, rowHref } from './dom.js';

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

// In an index of several plans, /?plan=KEY asks within that plan only.
const plan = new URLSearchParams(location.search).get('plan') || undefined;

// One conversation per tab: follow-up questions ("そのうち新規は？") are read against the earlier turns.
const conversationId = () => {
  let id = sessionStorage.getItem('conversation');
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs a secure context; this does not
    id = 'web-' + [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem('conversation', id);
  }
  return id;
};

for (const example of t('chat.examplesList')) {
  document.getElementById('examples').append(el('li', {}, el('button', { type: 'button', class: 'example', onclick: () => ask(example) }, example)));
}

document.getElementById('new-conversation').addEventListener('click', () => {
  sessionStorage.removeItem('conversation');
  conversationList.replaceChildren();
  hideError();
  announcer.textContent = t('chat.cleared');
  question.focus();
});

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
  ask(question.value);
});
updateCounter();

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
    question.value = '';
    updateCounter();
    announcer.textContent = t('chat.answered', { text: turn.body.textContent.trim() });
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
      body: JSON.stringify({ question: text, conversation: conversationId(), plan }),
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

/** One question and its answer in the conversation list. */
function addTurn(text) {
  const body = el('div', { class: 'answer-body' }, el('p', { class: 'thinking', text: t('chat.thinking') }));
  const streamed = el('p', { class: 'streaming', hidden: true });
  const answer = el('article', { class: 'answer', 'aria-label': t('chat.assistant') }, streamed, body);
  const item = el('li', { class: 'turn' },
    el('div', { class: 'question-bubble' }, el('span', { class: 'visually-hidden', text: `${t('chat.you')}: ` }), el('p', { text })),
    answer);
  conversationList.append(item);
  item.scrollIntoView({ block: 'nearest' });
  return {
    body,
    write(delta) {
      body.hidden = true;
      streamed.hidden = false;
      streamed.append(document.createTextNode(delta)); // a model's draft is shown as plain text until it is checked
    },
    finish(result) {
      streamed.remove();
      body.hidden = false;
      body.replaceChildren(safeHtml(result.answerHtml ?? ''));
      answer.prepend(el('p', { class: 'interpretation', text: t('chat.interpretation', { text: result.interpretation?.text ?? '' }) }));
      if (result.noMatch) answer.append(noMatch(text));
      if (result.notice) answer.append(el('p', { class: 'notice', text: result.notice }));
      if (result.rows?.length) answer.append(citedRows(result.rows));
      if (result.followUps?.length) answer.append(followUps(result.followUps));
    },
    remove() { item.remove(); },
  };
}

function noMatch(text) {
  return el('div', { class: 'no-match' },
    el('p', { text: t('chat.noMatch') }),
    el('a', { href: `/search?q=${encodeURIComponent(text)}` }, t('chat.searchInstead')));
}

function citedRows(rows) {
  return el('section', { class: 'cited', 'aria-label': t('chat.sources') },
    el('h3', { text: t('chat.sources') }),
    el('ul', { class: 'chips' }, rows.map(row => el('li', {},
      el('a', { class: 'chip', href: rowHref(row.id), 'data-row': row.id },
        el('span', { class: 'chip-id', text: row.id }),
        el('span', { class: 'chip-name', text: row.name }),
        el('span', { class: 'chip-meta', text: `${row.department} · ${row.budgetThousandYen === null ? t('common.noBudget') : t('common.budget', { value: formatNumber(row.budgetThousandYen) })}` }))))));
}

function followUps(items) {
  return el('section', { class: 'followups', 'aria-label': t('chat.followUps') },
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
