// The OpenAPI 3.1 description of the API, served at /api/openapi.json.
const page = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const p = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', description, schema });
const articleFilter = p('article', 'only items from this article (id or unique prefix)');
const ok = (description: string) => ({ '200': { description, content: { 'application/json': {} } }, '400': { description: 'invalid parameter: the answer names it and says why' } });

export function openapi(): object {
  return {
    openapi: '3.1.0',
    info: { title: 'Triangulate API', version: '0.1.0', description: 'A developing news story across outlets: articles, entities, places, quotes, claims, reuse, timeline and control. Every item carries spans into its article\'s clean text. When the server binds beyond loopback, send "Authorization: Bearer <token>".' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/api/overview': { get: { summary: 'The story on one page: latest figures (conflicts first), timeline, volume, places, control, outlets, voices', responses: ok('overview') } },
      '/api/articles': { get: { summary: 'Articles, filtered and searched', parameters: [p('outlet', 'outlet name, case-insensitive'), p('from', 'published on or after (YYYY-MM-DD)', { type: 'string', format: 'date' }), p('to', 'published on or before (YYYY-MM-DD)', { type: 'string', format: 'date' }), p('q', 'full-text search'), p('entity', 'canonical entity id'), ...page], responses: ok('{items, total, limit, offset}') } },
      '/api/articles/{id}': { get: { summary: 'One article with its annotations, quotes, claims and reuse pairs', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { ...ok('article'), '404': { description: 'no such article' } } } },
      '/api/entities': { get: { summary: 'Canonical entities', parameters: [p('type', 'PERSON, ORG, PLACE or OTHER', { enum: ['PERSON', 'ORG', 'PLACE', 'OTHER'] }), articleFilter, ...page], responses: ok('page of entities') } },
      '/api/places': { get: { summary: 'Places with coordinates', parameters: page, responses: ok('page of places') } },
      '/api/places.geojson': { get: { summary: 'Places as a GeoJSON FeatureCollection', responses: ok('GeoJSON') } },
      '/api/quotes': { get: { summary: 'Quotations with resolved speakers', parameters: [p('speaker', 'any name of the speaker'), p('group', 'quote group id'), articleFilter, ...page], responses: ok('page of quotes') } },
      '/api/voices': { get: { summary: 'Who is quoted, how often, by which outlets', parameters: page, responses: ok('page of voices') } },
      '/api/claims': { get: { summary: 'Claims with groups and relations', parameters: [p('conflicts', 'only conflicts', { type: 'boolean' }), ...page], responses: ok('page of claims with groups and relations') } },
      '/api/reuse': { get: { summary: 'Reuse pairs with aligned passages', parameters: [articleFilter, ...page], responses: ok('page of reuse pairs') } },
      '/api/timeline': { get: { summary: 'Events merged across articles', parameters: [p('from', 'on or after', { type: 'string', format: 'date' }), p('to', 'on or before', { type: 'string', format: 'date' }), ...page], responses: ok('page of events') } },
      '/api/control': { get: { summary: 'Territorial control per place, with history', parameters: page, responses: ok('page of control records') } },
      '/api/outlets': { get: { summary: 'Outlets with originality', parameters: page, responses: ok('page of outlets') } },
      '/api/search': { get: { summary: 'Search across articles, entities and quotes', parameters: [{ ...p('q', 'words'), required: true }], responses: ok('{articles, entities, quotes}') } },
      '/api/brief': { get: { summary: 'A one-page briefing', parameters: [p('format', 'md, html or json', { enum: ['md', 'html', 'json'] })], responses: ok('briefing') } },
      '/api/ingest': {
        post: {
          summary: 'Add material: JSON {text, title?} to paste, {url} or {urls: []} to fetch (public addresses only), or a file as the raw body with ?filename=',
          requestBody: { content: { 'application/json': {}, 'application/octet-stream': {} } },
          responses: { '200': { description: '{job, status, poll}' }, '400': { description: 'bad input' }, '413': { description: 'too large' } },
        },
      },
      '/api/jobs/{id}': { get: { summary: 'An ingest job: status, progress, new article ids', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { ...ok('job'), '404': { description: 'no such job' } } } },
    },
  };
}
