// One row with every field, read from GET /api/rows/{id}; every value is written as text. Cited as a reader would
// cite it (計画名・柱・整理番号), with furigana on request and, on the English page, the name's English gloss.
import { applyLanguage, t, formatNumber, lang, markJapanese } from './i18n.js';
import { el, getJson, ApiError } from './dom.js';
import { setUpFurigana } from './furigana.js';
import { glossesOf } from './glosses.js';

applyLanguage();

const id = decodeURIComponent(location.pathname.replace(/^\/rows\//, '').replace(/\/$/, ''));
const heading = document.getElementById('row-name');

try {
  const row = await getJson(`/api/rows/${encodeURIComponent(id)}`);
  heading.textContent = row.name;
  document.title = `${row.id} ${row.name} | ${t('common.brand')}`;
  const citation = t('row.citation', {
    plan: row.plan ? t('row.planKey', { plan: row.plan }) : t('row.planName'),
    section: row.section,
    title: row.sectionTitle,
    number: row.number,
  });
  const fields = [
    ['id', row.id],
    ['section', `${row.section}. ${row.sectionTitle}`],
    ['isNew', row.isNew ? t('common.new') : t('common.continuing')],
    ['name', row.name],
    ['summary', row.summary],
    ['budget', row.budgetThousandYen === null ? t('common.noBudget') : t('common.budget', { value: formatNumber(row.budgetThousandYen) })],
    ['budgetText', row.budgetText],
    ['achievement', row.achievement],
    ['results', row.results],
    ['department', row.department],
    ['divisions', row.divisions.join('、')],
    ['source', citation],
  ];
  document.getElementById('row-fields').replaceChildren(...fields.flatMap(([key, value]) => [
    el('dt', { text: t(`row.${key}`) }),
    el('dd', { 'data-field': key, text: value }),
  ]));
  markJapanese(document.getElementById('main'));
  if (lang === 'en') showGloss(row.id);
} catch (error) {
  heading.textContent = t('row.title');
  const box = document.getElementById('error');
  box.textContent = error instanceof ApiError && (error.status === 404 || error.status === 400) ? t('row.notFound', { id }) : t('common.failed');
  box.hidden = false;
}
setUpFurigana(document.getElementById('furigana-toggle'), document.getElementById('main'));

async function showGloss(rowId) {
  const gloss = (await glossesOf([rowId]))[rowId];
  if (gloss) heading.after(el('p', { class: 'gloss', lang: 'en' }, el('span', { class: 'visually-hidden', text: `${t('row.gloss')}: ` }), gloss));
}
