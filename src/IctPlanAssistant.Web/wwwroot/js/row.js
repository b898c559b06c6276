// One row with every field, read from GET /api/rows/{id}; every value is written as text.
import { applyLanguage, t, formatNumber } from './i18n.js';
import { el, getJson, ApiError } from './dom.js';

applyLanguage();

const id = decodeURIComponent(location.pathname.replace(/^\/rows\//, '').replace(/\/$/, ''));
const heading = document.getElementById('row-name');

try {
  const row = await getJson(`/api/rows/${encodeURIComponent(id)}`);
  heading.textContent = row.name;
  document.title = `${row.id} ${row.name} | ${t('common.brand')}`;
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
    ['source', t('row.sourceLine', { source: row.source, line: row.line })],
  ];
  document.getElementById('row-fields').replaceChildren(...fields.flatMap(([key, value]) => [
    el('dt', { text: t(`row.${key}`) }),
    el('dd', { 'data-field': key, text: value }),
  ]));
} catch (error) {
  heading.textContent = t('row.title');
  const box = document.getElementById('error');
  box.textContent = error instanceof ApiError && (error.status === 404 || error.status === 400) ? t('row.notFound', { id }) : t('common.failed');
  box.hidden = false;
}
