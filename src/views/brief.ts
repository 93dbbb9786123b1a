// A one-page briefing from the overview: key figures with sources and independence counts,
// conflicts, timeline, voices and control; every statement cited to its articles.
import type { Overview } from './overview.js';

function cite(o: Overview, ids: string[], max = 3): string {
  const all = [...new Set(ids)];
  const uniq = all.slice(0, max);
  const more = all.length > max ? ` (+${all.length - max} more)` : '';
  return uniq
    .map((id) => {
      const s = o.sources[id];
      return `[${s?.outlet ?? 'unknown outlet'}${s?.published ? ', ' + s.published.slice(0, 10) : ''} · ${id.slice(0, 8)}]`;
    })
    .join(' ') + more;
}

/** The events worth a line in a one-page brief: reported by several sources, or of a kind other
 * than a bare statement; the latest ones, in date order. */
function keyEvents(o: Overview, max = 15) {
  const dated = o.timeline.filter((e) => e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date));
  const strong = dated.filter((e) => e.articles.length > 1 || e.type !== 'statement');
  return (strong.length >= 5 ? strong : dated).slice(-max);
}

export function briefMarkdown(o: Overview): string {
  const lines: string[] = [];
  lines.push(`# Briefing`, '', `${o.articles} articles from ${o.outlets.length} outlets` + (o.dateRange.from ? `, ${o.dateRange.from} to ${o.dateRange.to}` : '') + `. Generated ${o.generatedAt.slice(0, 16).replace('T', ' ')} UTC.`, '');
  if (o.conflicts.length) {
    lines.push('## Conflicting figures', '');
    for (const c of o.conflicts) {
      lines.push(`- ${c.relation.reason}`);
      for (const cl of c.claims) lines.push(`  - ${cl.approx ? 'about ' : ''}${cl.value}${cl.of ? ' of ' + cl.of : ''} ${cl.unit ?? ''}, claimed by ${cl.claimant ?? cl.outlet ?? 'unknown'}${cl.side ? ` (${cl.side})` : ''}, as of ${cl.asOf ?? 'unknown date'} ${cite(o, [cl.articleId])}`);
    }
    lines.push('');
  }
  if (o.figures.length) {
    lines.push('## Key figures', '');
    for (const f of o.figures.slice(0, 12)) {
      const l = f.latest;
      lines.push(`- **${f.quantity}**: ${l.approx ? 'about ' : ''}${l.value}${l.of ? ' of ' + l.of : ''} as of ${l.asOf ?? 'unknown date'}, according to ${l.claimant ?? l.outlet ?? 'unknown'}; ${f.claims} claim${f.claims === 1 ? '' : 's'}, ${f.independentReports} independent report${f.independentReports === 1 ? '' : 's'}${f.relations.length ? ' (' + [...new Set(f.relations.map((r) => r.kind))].join(', ') + ')' : ''} ${cite(o, [l.articleId])}`);
    }
    lines.push('');
  }
  if (o.control.length) {
    lines.push('## Territorial control', '');
    for (const c of o.control) lines.push(`- ${c.place}: ${c.holder} as of ${c.asOf ?? 'unknown date'} (${c.status}${c.claimant ? ' by ' + c.claimant : ''}) ${cite(o, c.articles)}`);
    lines.push('');
  }
  if (o.timeline.length) {
    lines.push('## Timeline', '');
    for (const e of keyEvents(o)) lines.push(`- ${e.date}: ${e.summary} ${cite(o, e.articles)}`);
    lines.push('');
  }
  if (o.voices.length) {
    lines.push('## Voices', '');
    for (const v of o.voices.slice(0, 10)) lines.push(`- ${v.speaker}: ${v.quotes} quote${v.quotes === 1 ? '' : 's'} in ${v.outlets.join(', ') || 'unknown outlets'} ${cite(o, v.articles)}`);
    lines.push('');
  }
  lines.push('## Sources', '');
  for (const o2 of o.outlets) lines.push(`- ${o2.outlet}: ${o2.articles} article${o2.articles === 1 ? '' : 's'}, ${Math.round(o2.originality * 100)}% own text${o2.copiesMost ? `; copies most from ${o2.copiesMost.outlet}` : ''}`);
  return lines.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The Markdown brief as a standalone HTML page (headings, lists, bold only). */
export function briefHtml(o: Overview): string {
  const md = briefMarkdown(o);
  const body: string[] = [];
  let inList = 0;
  for (const line of md.split('\n')) {
    const item = /^(\s*)- (.*)$/.exec(line);
    const depth = item ? item[1]!.length / 2 + 1 : 0;
    while (inList > depth) (body.push('</ul>'), inList--);
    while (inList < depth) (body.push('<ul>'), inList++);
    const inline = (s: string) => esc(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
    if (item) body.push(`<li>${inline(item[2]!)}</li>`);
    else if (line.startsWith('## ')) body.push(`<h2>${inline(line.slice(3))}</h2>`);
    else if (line.startsWith('# ')) body.push(`<h1>${inline(line.slice(2))}</h1>`);
    else if (line.trim()) body.push(`<p>${inline(line)}</p>`);
  }
  while (inList-- > 0) body.push('</ul>');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Briefing</title><meta name="viewport" content="width=device-width,initial-scale=1"><style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}h1,h2{line-height:1.2}li{margin:.25rem 0}</style></head><body>${body.join('\n')}</body></html>\n`;
}
