// The pages' words in Japanese (the default, also written in the HTML) and English.
// Elements carry data-i18n="key" (text), data-i18n-label="key" (aria-label) or data-i18n-placeholder="key".
import { textNodesUnder } from './dom.js';

const messages = {
  ja: {
    'common.brand': 'ふくしま ICT アクションプラン 2017',
    'common.skip': '本文へ移動',
    'common.nav': 'ページ',
    'common.chat': 'チャット',
    'common.search': '事業検索（職員向け）',
    'common.switch': 'English',
    'common.switchLabel': 'Switch to English',
    'common.noBudget': '記載なし',
    'common.new': '新規',
    'common.continuing': '継続',
    'common.failed': 'サービスで問題が発生しました。しばらくしてから、もう一度お試しください。',
    'common.rateLimited': '短い間にたくさん質問されたため、あなたの利用回数の上限に達しました。{seconds}秒後にもう一度お試しください。',
    'common.rateLimitedNetwork': 'お使いのネットワーク（同じ施設など）からの利用が上限に達しました。{seconds}秒後にもう一度お試しください。',
    'common.loading': '読み込んでいます…',
    'chat.title': 'ICTアクションプランに質問する',
    'chat.lead': '福島県のICT事業（2017年度の実施結果）について答えます。回答の [1-2] などは根拠にした事業で、選ぶと詳しい内容を見られます。',
    'chat.examples': '質問の例',
    'chat.examplesList': ['保健福祉部でタブレットを使う事業は？', '新規の事業はいくつありますか？', '事業費が一番大きい事業は？', '観光に関する事業を教えて'],
    'chat.conversation': '会話',
    'chat.question': '質問',
    'chat.hint': 'Enter で送信、Shift + Enter で改行します。',
    'suggest.label': '入力の候補',
    'suggest.openAsk': '候補が{count}件あります。上下の矢印キーで選び、Enter で質問します。',
    'suggest.openSearch': '候補が{count}件あります。上下の矢印キーで選び、Enter で検索します。',
    'suggest.name': '事業名',
    'suggest.rows': '{count}件の事業',
    'chat.count': '{count}文字',
    'chat.countMax': '{count} / {max}文字',
    'chat.ask': '質問する',
    'chat.you': 'あなた',
    'chat.assistant': '回答',
    'chat.thinking': '回答を作成しています…',
    'chat.interpretation': '{text} で検索しました',
    'chat.sources': '根拠にした事業',
    'chat.related': '関係がありそうな事業（{count}件）',
    'chat.relatedOf': '回答{n}に関係がありそうな事業',
    'chat.relatedNote': '質問の一部に当たる事業です。回答の根拠ではありません。',
    'chat.followUps': '続けて聞く',
    'chat.searchInstead': '事業検索で探す',
    'chat.answered': '回答: {text}',
    'chat.tooLong': '質問が長すぎます（{length}文字）。{max}文字以内にしてください。',
    'chat.tooLongNoCount': '質問が長すぎます。短くしてからもう一度お試しください。',
    'chat.empty': '質問を入力してください。',
    'chat.cleared': '前の会話を消しました。新しい質問をどうぞ。',
    'search.title': '事業検索（職員向け）',
    'search.lead': '部局をまたいで事業を探せます。条件は URL に残るので、そのまま共有できます。',
    'search.q': 'キーワード',
    'search.department': '部局',
    'search.plan': '計画',
    'search.section': '柱',
    'search.new': '新規・継続',
    'search.achievement': '目標の達成度',
    'search.budget': '事業費（千円）',
    'search.minBudget': '下限',
    'search.maxBudget': '上限',
    'search.sort': '並び順',
    'search.any': 'すべて',
    'search.sortRelevance': '関連度順',
    'search.sortBudgetDesc': '事業費の大きい順',
    'search.sortBudgetAsc': '事業費の小さい順',
    'search.sortAchievementDesc': '目標達成率の高い順',
    'search.sortAchievementAsc': '目標達成率の低い順',
    'search.sortId': '番号順',
    'search.achieved': '目標達成',
    'search.asPlanned': '計画どおり',
    'search.belowTarget': '目標を下回った',
    'search.notImplemented': '未実施',
    'search.noCases': '該当事例なし',
    'search.submit': '検索',
    'search.clear': '条件をクリア',
    'search.total': '{total}件',
    'search.showing': '{total}件（うち{shown}件を表示）',
    'search.showAll': 'すべて表示',
    'search.none': '条件に合う事業はありません。',
    'search.interpretation': '検索条件: {text}',
    'search.facets': '件数',
    'search.chart': '部局別の事業費',
    'search.chartLabel': '部局別の事業費の棒グラフ: {summary}',
    'search.chartEmpty': '事業費の記載がある事業はありません。',
    'search.results': '検索結果',
    'search.csv': 'CSVで書き出す',
    'common.budget': '{value}千円',
    'row.title': '事業の詳細',
    'row.id': '番号',
    'row.section': '柱',
    'row.isNew': '新規・継続',
    'row.name': '事業名',
    'row.summary': '事業概要',
    'row.budget': '事業費',
    'row.budgetText': '事業費（資料の記載）',
    'row.achievement': '目標の達成度',
    'row.results': '実施結果',
    'row.department': '部局',
    'row.divisions': '担当課',
    'row.source': '出典',
    'row.notFound': '事業 {id} は見つかりませんでした。',
    'common.furigana': 'ふりがな',
    'chat.plain': 'やさしい日本語',
    'chat.newConversation': '新しい質問',
    'chat.answerOf': '回答{n}',
    'chat.sourcesOf': '回答{n}の根拠にした事業',
    'chat.followUpsOf': '回答{n}に続けて聞く',
    'chat.tryOf': '回答{n}: ほかの探し方',
    'chat.tryHeading': 'ほかの探し方',
    'chat.byDepartment': '部局から探す',
    'chat.departmentQuestion': '{department}にはどんな事業がありますか？',
    'chat.nearestWords': '計画にある近い言葉',
    'chat.moreRows': 'ほか{count}件を表示',
    'row.backToChat': 'チャットに戻る',
    'row.toSearch': '事業検索（職員向け）へ',
    'row.planName': 'ふくしま創生ICT戦略アクションプラン2017 事業実施結果',
    'row.planKey': '計画 {plan}',
    'row.citation': '{plan}・柱{section}「{title}」・整理番号{number}',
    'row.gloss': '英語での名前',
  },
  en: {
    'common.brand': 'Fukushima ICT Action Plan 2017',
    'common.skip': 'Skip to content',
    'common.nav': 'Pages',
    'common.chat': 'Chat',
    'common.search': 'Project search (staff)',
    'common.switch': '日本語',
    'common.switchLabel': '日本語に切り替える',
    'common.noBudget': 'not stated',
    'common.new': 'New',
    'common.continuing': 'Continuing',
    'common.failed': 'Something went wrong on our side. Please try again in a little while.',
    'common.rateLimited': 'You have reached your limit of requests for now. Please try again in {seconds} seconds.',
    'common.rateLimitedNetwork': 'Requests from your network (such as a shared building) have reached their limit. Please try again in {seconds} seconds.',
    'common.loading': 'Loading…',
    'chat.title': 'Ask about the ICT action plan',
    'chat.lead': "Answers come from Fukushima Prefecture's ICT projects (results for fiscal 2017). Marks such as [1-2] are the projects an answer rests on; open one to see its details.",
    'chat.examples': 'Example questions',
    'chat.examplesList': ['Which Health and Welfare projects use tablets?', 'How many new projects are there?', 'Which project has the largest budget?', 'Tell me about tourism projects'],
    'chat.conversation': 'Conversation',
    'chat.question': 'Your question',
    'chat.hint': 'Enter sends; Shift + Enter starts a new line.',
    'suggest.label': 'Suggestions',
    'suggest.openAsk': '{count} suggestions. Use the up and down arrow keys to choose one, Enter to ask it.',
    'suggest.openSearch': '{count} suggestions. Use the up and down arrow keys to choose one, Enter to search for it.',
    'suggest.name': 'project',
    'suggest.rows': '{count} projects',
    'chat.count': '{count} characters',
    'chat.countMax': '{count} / {max} characters',
    'chat.ask': 'Ask',
    'chat.you': 'You',
    'chat.assistant': 'Answer',
    'chat.thinking': 'Writing the answer…',
    'chat.interpretation': 'Searched for: {text}',
    'chat.sources': 'Projects this answer rests on',
    'chat.related': 'Possibly related projects ({count})',
    'chat.relatedOf': 'Possibly related projects for answer {n}',
    'chat.relatedNote': 'They match part of the question; the answer does not rest on them.',
    'chat.followUps': 'Ask next',
    'chat.searchInstead': 'Open the project search',
    'chat.answered': 'Answer: {text}',
    'chat.tooLong': 'The question is too long ({length} characters). Please keep it within {max} characters.',
    'chat.tooLongNoCount': 'The question is too long. Please shorten it and try again.',
    'chat.empty': 'Please type a question.',
    'chat.cleared': 'The earlier conversation is cleared. Ask a new question.',
    'search.title': 'Project search (staff)',
    'search.lead': 'Find projects across departments. The conditions stay in the URL, so you can share it.',
    'search.q': 'Keywords',
    'search.department': 'Department',
    'search.plan': 'Plan',
    'search.section': 'Section',
    'search.new': 'New or continuing',
    'search.achievement': 'Goal achievement',
    'search.budget': 'Budget (thousand yen)',
    'search.minBudget': 'From',
    'search.maxBudget': 'To',
    'search.sort': 'Order',
    'search.any': 'Any',
    'search.sortRelevance': 'Relevance',
    'search.sortBudgetDesc': 'Budget, largest first',
    'search.sortBudgetAsc': 'Budget, smallest first',
    'search.sortAchievementDesc': 'Share of target reached, highest first',
    'search.sortAchievementAsc': 'Share of target reached, lowest first',
    'search.sortId': 'Number',
    'search.achieved': 'Target met',
    'search.asPlanned': 'As planned',
    'search.belowTarget': 'Below target',
    'search.notImplemented': 'Not carried out',
    'search.noCases': 'No applicable cases',
    'search.submit': 'Search',
    'search.clear': 'Clear conditions',
    'search.total': '{total} projects',
    'search.showing': '{total} projects ({shown} shown)',
    'search.showAll': 'Show all',
    'search.none': 'No project matches these conditions.',
    'search.interpretation': 'Conditions: {text}',
    'search.facets': 'Counts',
    'search.chart': 'Budget by department',
    'search.chartLabel': 'Bar chart of the budget by department: {summary}',
    'search.chartEmpty': 'None of these projects states a budget.',
    'search.results': 'Results',
    'search.csv': 'Export as CSV',
    'common.budget': '{value} thousand yen',
    'row.title': 'Project details',
    'row.id': 'Number',
    'row.section': 'Section',
    'row.isNew': 'New or continuing',
    'row.name': 'Project',
    'row.summary': 'Summary',
    'row.budget': 'Budget',
    'row.budgetText': 'Budget (as printed)',
    'row.achievement': 'Goal achievement',
    'row.results': 'Results',
    'row.department': 'Department',
    'row.divisions': 'Divisions',
    'row.source': 'Source',
    'row.notFound': 'There is no project {id}.',
    'common.furigana': 'Furigana (readings)',
    'chat.plain': 'Plain Japanese answers',
    'chat.newConversation': 'New question',
    'chat.answerOf': 'Answer {n}',
    'chat.sourcesOf': 'Projects answer {n} rests on',
    'chat.followUpsOf': 'Ask next after answer {n}',
    'chat.tryOf': 'Answer {n}: other ways to find it',
    'chat.tryHeading': 'Other ways to find it',
    'chat.byDepartment': 'By department',
    'chat.departmentQuestion': 'Which projects does {department} have?',
    'chat.nearestWords': 'Close words in the plan',
    'chat.moreRows': 'Show {count} more',
    'row.backToChat': 'Back to the chat',
    'row.toSearch': 'Project search (staff)',
    'row.planName': 'Fukushima ICT Strategy Action Plan 2017, results',
    'row.planKey': 'Plan {plan}',
    'row.citation': '{plan}, section {section} “{title}”, No. {number}',
    'row.gloss': 'Name in English',
  },
};

const stored = () => { try { return localStorage.getItem('lang'); } catch { return null; } };

/** The page language: ?lang=, then the visitor's last choice, then Japanese. */
export const lang = (() => {
  const asked = new URLSearchParams(location.search).get('lang') ?? stored();
  return asked === 'en' ? 'en' : 'ja';
})();

/** The message for key in the page language, with {name} placeholders filled in (as text). */
export function t(key, values = {}) {
  const message = messages[lang][key] ?? messages.ja[key] ?? key;
  return typeof message === 'string'
    ? message.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''))
    : message;
}

export function formatNumber(value) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ja-JP').format(value);
}

const japaneseRun = /[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF60]+/;
const aroundJapanese = new RegExp(`(${japaneseRun.source})`);

/**
 * On the English page, wraps each run of Japanese text under node in <span lang="ja">, so a screen reader reads
 * project and department names with a Japanese voice.
 */
export function markJapanese(node) {
  if (lang === 'ja') return;
  for (const text of textNodesUnder(node, text => japaneseRun.test(text.data) && !text.parentElement?.closest('[lang="ja"]'))) {
    text.replaceWith(...text.data.split(aroundJapanese).filter(part => part)
      .map(part => japaneseRun.test(part) ? Object.assign(document.createElement('span'), { lang: 'ja', textContent: part }) : part));
  }
}

/** Writes the page's words in the page language and wires the language switch. */
export function applyLanguage() {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  for (const element of document.querySelectorAll('[data-i18n-placeholder]')) element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
  const title = document.querySelector('h1[data-i18n]');
  if (title) document.title = `${title.textContent} | ${t('common.brand')}`;
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.lang = lang === 'en' ? 'ja' : 'en';
    toggle.addEventListener('click', () => {
      try { localStorage.setItem('lang', lang === 'en' ? 'ja' : 'en'); } catch { /* private mode: the URL still carries it */ }
      const url = new URL(location.href);
      url.searchParams.set('lang', lang === 'en' ? 'ja' : 'en');
      location.assign(url);
    });
  }
}

/** The message for a 429: this user's limit, or the shared network's (problem.scope), and when to try again. */
export function rateLimitMessage(error) {
  const key = error.problem?.scope === 'address' ? 'common.rateLimitedNetwork' : 'common.rateLimited';
  return t(key, { seconds: error.retryAfter ?? 60 });
}
