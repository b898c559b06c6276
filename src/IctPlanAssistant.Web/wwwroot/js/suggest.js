// Search-as-you-type for the chat's question box and the search page's words: as the user types (kana while the input method is still composing
// counts: Chrome and Firefox send `input` during composition with the composing text in the value), GET /api/suggest
// offers project names and plan words whose reading or surface starts with what was typed (たぶ → タブレット).
//
// The keyboard and screen-reader model is the ARIA combobox pattern's: an input with role=combobox and aria-expanded
// (the search page), or a textarea, which may take no role but textbox (the chat), with aria-haspopup=listbox; either
// has aria-autocomplete=list and aria-controls naming the listbox; ArrowDown
// and ArrowUp move the active option (aria-activedescendant, aria-selected) while focus stays in the box; Enter
// picks the active option and asks it; Escape closes the list; Tab, a click elsewhere or leaving the box close it.
// A status line says when the list opens and how many options it has. Options can be clicked or tapped.
import { el } from './dom.js';
import { t } from './i18n.js';

const debounceMs = 120;
const maxTyped = 100; // the server's cap (PlanSuggester.MaxInput): longer text is not sent

/**
 * Wires the suggestions to a box. onPick(text) is called with the box's new text when an option is picked (by
 * Enter, click or tap); openedKey is the i18n key of what the status line says when the list opens. Call before
 * adding the page's own keydown handlers: an Enter that picks an option is not seen by them.
 */
export function setUpSuggestions(input, listbox, status, onPick, openedKey) {
  const combobox = input.getAttribute('role') === 'combobox';
  let suggestions = [];
  let from = 0;
  let active = -1;
  let timer = 0;
  let pending = null;
  let shownFor = null; // the text the list was built for

  input.addEventListener('input', schedule);
  input.addEventListener('compositionend', schedule);
  input.addEventListener('keydown', onKeydown);
  input.addEventListener('blur', () => close());
  // The box keeps the focus when an option is pressed; the click then picks it.
  listbox.addEventListener('pointerdown', event => event.preventDefault());
  listbox.addEventListener('click', event => {
    const option = event.target.closest('[role="option"]');
    if (option) pick(Number(option.dataset.index));
  });

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, debounceMs);
  }

  async function fetchSuggestions() {
    const typed = input.value;
    if (typed === shownFor && !listbox.hidden) return;
    pending?.abort();
    if (!typed.trim() || typed.length > maxTyped || typed.includes('\n')) {
      close();
      return;
    }
    const controller = new AbortController();
    pending = controller;
    try {
      const response = await fetch(`/api/suggest?q=${encodeURIComponent(typed)}`, { signal: controller.signal, headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      const result = await response.json();
      if (controller.signal.aborted || input.value !== typed) return; // typed on since: the next answer will do
      show(typed, result);
    } catch {
      if (!controller.signal.aborted) close(); // no suggestions is never an error the user needs to see
    }
  }

  function show(typed, result) {
    suggestions = Array.isArray(result.suggestions) ? result.suggestions : [];
    from = Number.isInteger(result.from) ? result.from : 0;
    shownFor = typed;
    // Which text the list answers: on a slow link a list for an earlier prefix shows first and the next replaces it
    // (resetting the active option); the attribute lets a reader, and the browser tests, tell the two apart.
    listbox.dataset.for = typed;
    active = -1;
    if (suggestions.length === 0 || document.activeElement !== input) {
      close();
      return;
    }
    listbox.replaceChildren(...suggestions.map(option));
    const wasHidden = listbox.hidden;
    listbox.hidden = false;
    if (combobox) input.setAttribute('aria-expanded', 'true');
    input.removeAttribute('aria-activedescendant');
    if (wasHidden || status.dataset.count !== String(suggestions.length)) {
      status.dataset.count = String(suggestions.length);
      status.textContent = t(openedKey, { count: suggestions.length });
    }
  }

  function option(suggestion, index) {
    const reading = suggestion.kind === 'word' && suggestion.reading && suggestion.reading !== suggestion.text ? suggestion.reading : null;
    const meta = suggestion.kind === 'name' ? t('suggest.name') : t('suggest.rows', { count: suggestion.rows });
    return el('li', { id: `${listbox.id}-${index}`, role: 'option', 'aria-selected': 'false', 'data-index': index },
      el('span', { class: 'typeahead-text', lang: 'ja', text: suggestion.text }),
      reading ? el('span', { class: 'typeahead-meta', lang: 'ja', text: reading }) : null,
      el('span', { class: 'typeahead-meta', text: meta }));
  }

  function onKeydown(event) {
    if (event.isComposing || event.keyCode === 229) return; // the input method's own keys
    const open = !listbox.hidden && suggestions.length > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!open) {
          if (event.key === 'ArrowDown' && event.altKey) fetchSuggestions();
          return;
        }
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Enter':
        if (open && active >= 0 && !event.shiftKey) {
          event.preventDefault();
          event.stopImmediatePropagation();
          pick(active);
        } else {
          close();
        }
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        }
        return;
      case 'Tab':
        close();
        return;
      default:
    }
  }

  function move(step) {
    const count = suggestions.length;
    active = active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count;
    for (const item of listbox.children) item.setAttribute('aria-selected', String(Number(item.dataset.index) === active));
    const current = listbox.children[active];
    input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  }

  function pick(index) {
    const suggestion = suggestions[index];
    if (!suggestion) return;
    const text = input.value.slice(0, from) + suggestion.text;
    close();
    input.value = text;
    input.dispatchEvent(new Event('input')); // the counter follows; the list stays closed for this text
    shownFor = text;
    clearTimeout(timer);
    onPick(text);
  }

  function close() {
    clearTimeout(timer);
    pending?.abort();
    active = -1;
    shownFor = null;
    delete listbox.dataset.for;
    listbox.hidden = true;
    if (combobox) input.setAttribute('aria-expanded', 'false');
    listbox.replaceChildren();
    input.removeAttribute('aria-activedescendant');
    status.textContent = '';
    delete status.dataset.count;
  }

  return { close };
}
