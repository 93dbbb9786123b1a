// Add material: paste text, give a URL, or drop files; progress is shown and the new article
// opens when done.
import { api } from '../api.ts';
import { h } from '../dom.ts';

interface Job { id: string; status: 'running' | 'done' | 'failed'; progress: { ingested: number; existing: number; failed: number }; articles: string[]; error?: string; summary?: { failures: { source: string; error: string }[] } }

export function addPage(): HTMLElement {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { max: 1, value: 0, hidden: true });
  const follow = async (start: Promise<{ job: string }>) => {
    status.textContent = 'Sending…';
    progress.hidden = false;
    progress.removeAttribute('value');
    try {
      const { job } = await start;
      for (;;) {
        const j = await api.get<Job>(`/api/jobs/${job}`);
        status.textContent = `${j.status}: ${j.progress.ingested} ingested, ${j.progress.existing} already present, ${j.progress.failed} failed`;
        if (j.status !== 'running') {
          progress.hidden = true;
          if (j.articles.length) location.hash = `#/article/${j.articles[0]}`;
          else if (j.summary?.failures.length || j.error) status.textContent = `Failed: ${j.error ?? j.summary!.failures.map((f) => `${f.source}: ${f.error}`).join('; ')}`;
          else status.textContent = 'Already in the store: nothing new.';
          return;
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    } catch (e) {
      progress.hidden = true;
      status.textContent = `Failed: ${(e as Error).message}`;
    }
  };
  const paste = h('form', { class: 'add-form', onsubmit: ((e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    void follow(api.post('/api/ingest', { title: String(f.get('title') ?? '') || undefined, text: String(f.get('text') ?? '') }));
  }) as EventListener },
    h('h2', {}, 'Paste an article'),
    h('label', {}, 'Title', h('input', { name: 'title', id: 'paste-title' })),
    h('label', {}, 'Text', h('textarea', { name: 'text', id: 'paste-text', rows: 10, required: true })),
    h('button', { type: 'submit', id: 'paste-submit' }, 'Add article'));
  const byUrl = h('form', { class: 'add-form', onsubmit: ((e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    void follow(api.post('/api/ingest', { url: String(f.get('url') ?? '') }));
  }) as EventListener },
    h('h2', {}, 'Fetch a web page or feed'),
    h('label', {}, 'URL', h('input', { name: 'url', type: 'url', required: true, placeholder: 'https://…' })),
    h('button', { type: 'submit' }, 'Fetch'));
  const input = h('input', { type: 'file', multiple: true, id: 'file-input' }) as HTMLInputElement;
  const upload = async (files: FileList | File[]) => {
    for (const file of files) await follow(api.upload('/api/ingest', file));
  };
  input.addEventListener('change', () => input.files && void upload(input.files));
  const drop = h('div', { class: 'drop', tabindex: 0, role: 'button', 'aria-label': 'Drop files here or press Enter to choose files' }, 'Drop files here (text, HTML, JSON Lines, RSS/Atom, WARC) or ', h('label', { for: 'file-input', class: 'linkish' }, 'choose files'), input);
  drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files.length) void upload(e.dataTransfer.files);
  });
  drop.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && input.click());
  return h('div', { class: 'page add' }, h('h1', {}, 'Add material'), status, progress, h('div', { class: 'two' }, paste, h('div', {}, byUrl, h('h2', {}, 'Upload files'), drop)));
}
