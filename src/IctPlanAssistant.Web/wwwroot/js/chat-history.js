// The chat's conversation in session storage (one per tab): its id and its turns (the question and the answer
// object), so that a reload or Back shows it again and follow-ups go on in the same conversation on the server;
// and the answer style the やさしい日本語 switch chose.

const idKey = 'conversation';
const turnsKey = 'conversation-turns';
const styleKey = 'answer-style';

export function conversationId() {
  let id = sessionStorage.getItem(idKey);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs a secure context; this does not
    id = 'web-' + [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(idKey, id);
  }
  return id;
}

/** The turns so far, oldest first: [{ question, answer }]. */
export function savedTurns() {
  try {
    const turns = JSON.parse(sessionStorage.getItem(turnsKey) ?? '[]');
    return Array.isArray(turns) ? turns.filter(turn => typeof turn?.question === 'string' && turn.answer) : [];
  } catch {
    return []; // unreadable: start with an empty screen rather than fail
  }
}

export function saveTurn(question, answer) {
  try {
    sessionStorage.setItem(turnsKey, JSON.stringify([...savedTurns(), { question, answer }]));
  } catch {
    // Storage full or off: the turn is shown, only not restored after a reload.
  }
}

/** The answer style the page asks for: 'plain' (やさしい日本語) or 'standard'; kept with the conversation, and past 新しい質問. */
export function answerStyle() {
  try { return sessionStorage.getItem(styleKey) === 'plain' ? 'plain' : 'standard'; } catch { return 'standard'; }
}

/** Wires the やさしい日本語 switch (a button with aria-pressed): answers from then on are asked for in plain Japanese. */
export function setUpStyleSwitch(button) {
  button.setAttribute('aria-pressed', String(answerStyle() === 'plain'));
  button.addEventListener('click', () => {
    const plain = answerStyle() !== 'plain';
    try { sessionStorage.setItem(styleKey, plain ? 'plain' : 'standard'); } catch { /* storage off: the switch still shows it */ }
    button.setAttribute('aria-pressed', String(plain));
  });
}

/** Starts over: a new id next time, and the server forgets the old conversation (its follow-up memory). */
export async function startOver() {
  const id = sessionStorage.getItem(idKey);
  sessionStorage.removeItem(idKey);
  sessionStorage.removeItem(turnsKey);
  if (!id) return;
  try {
    await fetch(`/api/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
  } catch {
    // Offline: the old id is never sent again, and the server forgets it when it expires.
  }
}
