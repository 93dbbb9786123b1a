// The analyst's desk: a hash router over the pages; every page reads the API only.
import './styles.css';
import { h } from './dom.ts';
import { addPage } from './pages/add.ts';
import { articlePage } from './pages/article.ts';
import { reusePage } from './pages/reuse.ts';
import { articlesPage } from './pages/articles.ts';
import { claimsPage } from './pages/claims.ts';
import { overviewPage } from './pages/overview.ts';
import { searchPage } from './pages/search.ts';
import { voicesPage } from './pages/voices.ts';

const main = document.getElementById('main')!;
let renderId = 0;
let first = true;

async function render(): Promise<void> {
  const id = ++renderId;
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = (path || '/').split('/').filter(Boolean);
  main.setAttribute('aria-busy', 'true');
  // A quick answer should not flash a spinner; a slow one (a cold cache on a big corpus) should say so.
  const slow = setTimeout(() => id === renderId && main.replaceChildren(h('p', { class: 'loading', role: 'status' }, 'Loading…')), 250);
  let page: HTMLElement;
  try {
    switch (parts[0] ?? '') {
      case '': page = await overviewPage(); break;
      case 'articles': page = await articlesPage(params); break;
      case 'article': page = await articlePage(decodeURIComponent(parts[1] ?? ''), params); break;
      case 'reuse': page = await reusePage(decodeURIComponent(parts[1] ?? ''), params); break;
      case 'claims': page = await claimsPage(params); break;
      case 'voices': page = await voicesPage(params); break;
      case 'search': page = await searchPage(params); break;
      case 'add': page = addPage(); break;
      default: page = h('p', { class: 'empty' }, 'No such page.');
    }
  } catch (e) {
    const offline = e instanceof TypeError;
    page = h('div', { class: 'page error' }, h('h1', {}, offline ? 'The server did not answer' : 'Something went wrong'),
      h('p', { role: 'alert' }, offline ? 'Is `triangulate serve` still running? ' : '', (e as Error).message),
      h('p', {}, h('button', { type: 'button', onclick: (() => void render()) as EventListener }, 'Try again'), ' ', h('a', { href: '#/' }, 'Back to the overview')));
  }
  clearTimeout(slow);
  if (id !== renderId) return;
  main.replaceChildren(page);
  main.removeAttribute('aria-busy');
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header nav a')) {
    const current = a.getAttribute('href') === `#/${parts[0] ?? ''}` || (a.getAttribute('href') === '#/' && !parts[0]);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!params.get('hl')) window.scrollTo(0, 0);
  // Keyboard and screen-reader users land on the new page, not on the link they just followed.
  if (!first) main.focus({ preventScroll: true });
  first = false;
  document.title = `${main.querySelector('h1')?.textContent ?? 'Triangulate'} · Triangulate`;
}

document.getElementById('search-form')!.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = (document.getElementById('search-input') as HTMLInputElement).value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', () => void render());
void render();
