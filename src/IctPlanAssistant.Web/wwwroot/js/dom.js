// Small DOM helpers. Every value from the API is written as text (textContent); the only HTML the pages insert
// is what the server rendered as safe HTML (answers, highlighted snippets), and that passes through safeHtml too.

/** An element with attributes and children; strings become text nodes, never markup. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const allowedTags = new Set(['P', 'BR', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'CODE', 'PRE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'A', 'SPAN', 'MARK', 'HR', 'DEL']);

/**
 * The server's HTML as nodes, keeping only formatting elements, links to row pages or http(s), and the class of
 * citation chips. A second guard behind the server's escaping: whatever slipped through becomes text.
 */
export function safeHtml(html) {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html'); // inert: runs and loads nothing
  const fragment = document.createDocumentFragment();
  for (const node of [...parsed.body.childNodes]) fragment.append(clean(node));
  return fragment;
}

function clean(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
  if (node.nodeType !== Node.ELEMENT_NODE) return document.createTextNode('');
  if (!allowedTags.has(node.tagName)) return document.createTextNode(node.textContent);
  const copy = document.createElement(node.tagName.toLowerCase());
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (/^\/(?!\/)/.test(href) || /^https?:\/\//i.test(href)) copy.setAttribute('href', href);
    if (/^https?:\/\//i.test(href)) copy.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (node.tagName === 'A' || node.tagName === 'SPAN') {
    const cls = node.getAttribute('class');
    if (cls === 'cite' || cls === 'cites') copy.className = cls;
    if (cls === 'cite' && /^[\w.:-]+$/.test(node.dataset.row ?? '')) copy.dataset.row = node.dataset.row;
  }
  for (const child of node.childNodes) copy.append(clean(child));
  return copy;
}

/** A failed API call: the HTTP status, the problem details (if any) and Retry-After seconds (429). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.retryAfter = retryAfter;
  }
}

export async function errorFrom(response) {
  let problem = null;
  try { problem = await response.json(); } catch { /* not JSON: the status says enough */ }
  const header = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, problem, Number.isFinite(header) ? header : problem?.retryAfter);
}

export async function getJson(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw await errorFrom(response);
  return response.json();
}

/** The text nodes under node that accept(text) takes, in document order (collected first: callers replace them). */
export function textNodesUnder(node, accept) {
  const nodes = [];
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
    acceptNode: text => accept(text) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
  });
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

export function rowHref(id) {
  return `/rows/${encodeURIComponent(id)}`;
}
