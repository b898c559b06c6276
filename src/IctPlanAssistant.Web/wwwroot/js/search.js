// The staff search: the page's URL holds the conditions (the same parameters as /api/search); the script fills the
// form from it, asks the API, and draws the count, facets, budget chart and results.
import { applyLanguage, t, formatNumber, lang, rateLimitMessage } from './i18n.js';
import { el, safeHtml, getJson, ApiError, rowHref } from './dom.js';
import { setUpSuggestions } from './suggest.js';

applyLanguage();

const SVG = 'http://www.w3.org/2000/svg';
const fields = ['q', 'plan', 'department', 'section', 'new', 'achievement', 'minBudget', 'maxBudget', 'sort', 'top'];
const form = document.getElementById('search-form');
const params = currentParams();

// Empty fields and the default order stay out of the URL, so a shared link shows only real conditions.
form.addEventListener('formdata', event => {
  for (const [name, value] of [...event.formData]) {
    if (value === '' || (name === 'sort' && value === 'relevance')) event.formData.delete(name);
  }
});

fillForm(params);
// The words' box suggests plan words and project names as the user types; picking one searches for it.
setUpSuggestions(form.elements.namedItem('q'), document.getElementById('q-suggestions'), document.getElementById('q-suggestions-status'),
  () => form.requestSubmit(), 'suggest.openSearch');
load();

function currentParams() {
  const query = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const name of fields) {
    const value = query.get(name);
    if (value !== null && value !== '') kept.set(name, value);
  }
  return kept;
}

function fillForm(values) {
  for (const name of fields) {
    const input = form.elements.namedItem(name);
    if (input && values.has(name)) input.value = values.get(name);
  }
}

async function load() {
  try {
    // Every plan, department and section for the filters (one row is enough for the facets), and the results.
    const api = new URLSearchParams(params);
    api.set('lang', lang);
    const [all, result] = await Promise.all([getJson('/api/search?top=1'), getJson(`/api/search?${api}`)]);
    // The plan filter appears only when the index holds several plans.
    fillOptions('plan', all.facets.plans ?? [], params.get('plan'));
    document.getElementById('plan-field').hidden = (all.facets.plans ?? []).length < 2 && !params.get('plan');
    fillOptions('department', all.facets.departments, params.get('department'));
    fillOptions('section', all.facets.sections, params.get('section'));
    render(result);
  } catch (error) {
    const box = document.getElementById('error');
    box.textContent = error instanceof ApiError && error.status === 400
      ? error.message
      : error instanceof ApiError && error.status === 429 ? rateLimitMessage(error) : t('common.failed');
    box.hidden = false;
    document.getElementById('summary').textContent = '';
  }
}

function fillOptions(name, facets, selected) {
  const select = form.elements.namedItem(name);
  for (const facet of facets) {
    select.append(el('option', { value: facet.value }, name === 'section' ? `${facet.value}. ${facet.label}` : facet.label));
  }
  if (selected) select.value = selected;
}

function render(result) {
  const shown = result.rows.length;
  document.getElementById('summary').textContent = shown < result.total
    ? t('search.showing', { total: formatNumber(result.total), shown: formatNumber(shown) })
    : t('search.total', { total: formatNumber(result.total) });
  document.getElementById('interpretation').textContent = t('search.interpretation', { text: result.interpretation.text });

  const csv = new URLSearchParams(params);
  csv.delete('top');
  document.getElementById('csv-link').href = `/api/search/csv${csv.size ? `?${csv}` : ''}`;

  renderFacets('department-facets', 'department', result.facets.departments, facet => facet.label);
  renderFacets('section-facets', 'section', result.facets.sections, facet => `${facet.value}. ${facet.label}`);
  renderChart(result.budgetByDepartment);
  // The chart is drawn at the width it has, so its text stays legible on a phone.
  let width = document.getElementById('chart').clientWidth;
  window.addEventListener('resize', () => {
    const now = document.getElementById('chart').clientWidth;
    if (now !== width) renderChart(result.budgetByDepartment);
    width = now;
  });

  const list = document.getElementById('results');
  list.replaceChildren(...result.rows.map(renderHit));
  if (result.total === 0) list.replaceChildren(el('li', { class: 'empty', text: t('search.none') }));

  const more = document.getElementById('more');
  more.replaceChildren();
  if (shown < result.total) {
    const all = new URLSearchParams(params);
    all.set('top', '200');
    more.append(el('a', { href: `/search?${all}` }, t('search.showAll')));
  }
}

function renderFacets(id, name, facets, label) {
  const selected = params.get(name);
  document.getElementById(id).replaceChildren(...facets.map(facet => {
    const next = new URLSearchParams(params);
    next.set(name, facet.value);
    next.delete('top');
    return el('li', {},
      el('a', { href: `/search?${next}`, 'aria-current': facet.value === selected ? 'true' : null, 'data-facet': facet.value },
        el('span', { class: 'facet-label', text: label(facet) }),
        el('span', { class: 'count', text: formatNumber(facet.count) })));
  }));
}

/** A horizontal bar chart of the matching rows' budget by department, drawn as SVG by the page. */
function renderChart(budgets) {
  const box = document.getElementById('chart');
  const max = Math.max(0, ...budgets.map(b => b.budgetThousandYen));
  if (max === 0) {
    box.replaceChildren(el('p', { class: 'hint', text: t('search.chartEmpty') }));
    return;
  }
  const width = Math.max(300, Math.min(720, Math.round(box.clientWidth)));
  const labelWidth = Math.min(160, Math.round(width * 0.32)), valueWidth = Math.min(150, Math.round(width * 0.32)), rowHeight = 30;
  const barMax = width - labelWidth - valueWidth;
  const height = budgets.length * rowHeight + 8;
  const value = b => t('common.budget', { value: formatNumber(b.budgetThousandYen) });
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'bar-chart',
    'aria-label': t('search.chartLabel', { summary: budgets.map(b => `${b.department} ${value(b)}`).join('、') }) });
  budgets.forEach((b, i) => {
    const y = i * rowHeight + 4;
    const bar = Math.max(b.budgetThousandYen > 0 ? 2 : 0, Math.round(b.budgetThousandYen / max * barMax));
    const group = svgEl('g', { 'data-department': b.department });
    group.append(
      svgEl('title', {}, `${b.department}: ${value(b)}`),
      svgEl('text', { x: labelWidth - 8, y: y + rowHeight / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-label' }, b.department),
      svgEl('rect', { x: labelWidth, y: y + 4, width: bar, height: rowHeight - 10, rx: 3, class: 'chart-bar' }),
      svgEl('text', { x: labelWidth + bar + 6, y: y + rowHeight / 2, 'dominant-baseline': 'middle', class: 'chart-value' }, value(b)));
    svg.append(group);
  });
  box.replaceChildren(svg);
}

function svgEl(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function renderHit(hit) {
  const row = hit.row;
  const budget = row.budgetThousandYen === null ? t('common.noBudget') : t('common.budget', { value: formatNumber(row.budgetThousandYen) });
  const snippets = hit.snippets.length
    ? hit.snippets.map(s => el('p', { class: 'snippet' }, el('span', { class: 'field-name', text: fieldName(s.field) }), safeHtml(s.html)))
    : [el('p', { class: 'snippet', text: row.summary })];
  return el('li', { class: 'result', 'data-row': row.id },
    el('h3', {}, el('a', { href: rowHref(row.id) }, el('span', { class: 'row-id', text: row.id }), el('span', { text: row.name }))),
    el('p', { class: 'meta' },
      row.isNew ? el('span', { class: 'badge', text: t('common.new') }) : null,
      el('span', { text: row.department }),
      el('span', { text: row.divisions.join('・') }),
      el('span', { class: 'budget', text: budget }),
      el('span', { text: row.achievement })),
    ...snippets);
}

function fieldName(field) {
  const name = t(`row.${field}`);
  return name === `row.${field}` ? field : name;
}
