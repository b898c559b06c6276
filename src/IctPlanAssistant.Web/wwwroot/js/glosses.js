// English glosses of cited rows' Japanese names, from GET /api/glosses (a model's translation, checked and cached by
// the server). Shown beside the name on the English page; a host without an AI service answers with none.
import { el, getJson } from './dom.js';

/** The gloss of each row id the host has one for: { "1-2": "…" }; empty on any failure. */
export async function glossesOf(ids) {
  if (ids.length === 0) return {};
  try {
    const result = await getJson(`/api/glosses?ids=${encodeURIComponent(ids.join(','))}`);
    return result.glosses ?? {};
  } catch {
    return {}; // a gloss is a help, never a reason to fail the page
  }
}

/** Adds each row's gloss after its chip's Japanese name. */
export async function glossChips(list, rows) {
  const glosses = await glossesOf(rows.map(row => row.id));
  for (const chip of list.querySelectorAll('a.chip[data-row]')) {
    const gloss = glosses[chip.dataset.row];
    if (gloss) chip.querySelector('.chip-name').after(el('span', { class: 'gloss', lang: 'en', text: gloss }));
  }
}
