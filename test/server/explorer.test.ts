// The self-hosted GraphiQL explorer: no database, just the router on a bare express app.
import express from 'express';
import request from 'supertest';
import { createExplorerRouter, jsonForHtml } from '../../src/server/explorer';

const hostileLabel = '</script><script>alert(1)</script><!--';

function makeApp(mountPath?: string): express.Express {
  const app = express();
  const router = createExplorerRouter({
    endpoint: '/graphql',
    demoTokens: [
      { label: '观湖街道 officer (LH-GH, OFFICER)', token: 'eyJhbGciOiJIUzI1NiJ9.officer.sig' },
      { label: hostileLabel, token: 'tok"en</script>' },
    ],
  });
  if (mountPath) app.use(mountPath, router);
  else app.use(router);
  return app;
}

function attributeUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
}

function configBlock(html: string): string {
  const match = /<script type="application\/json" id="explorer-config">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('config block missing');
  return match[1];
}

describe('GraphiQL explorer router', () => {
  const app = makeApp();

  it.each(['/', '/graphiql'])('serves the page at %s', async (path) => {
    const res = await request(app).get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<div id="explorer-root"></div>');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('references only same-origin assets and no external URL', async () => {
    const { text } = await request(app).get('/').expect(200);
    const urls = attributeUrls(text);
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const url of urls) {
      expect(url).toMatch(/^\/explorer\/assets\/[a-z.-]+\?v=[0-9a-f]+$/);
      // Resolved against any origin, it stays on that origin.
      expect(new URL(url, 'http://hub.intranet:4000/').origin).toBe('http://hub.intranet:4000');
    }
    expect(text).not.toMatch(/https?:\/\//i);
    expect(text).not.toMatch(/["'=(]\s*\/\/[a-z0-9]/i); // protocol-relative URLs
  });

  it('prefixes asset URLs with the mount path', async () => {
    const { text } = await request(makeApp('/tools')).get('/tools/graphiql').expect(200);
    for (const url of attributeUrls(text)) expect(url.startsWith('/tools/explorer/assets/')).toBe(true);
  });

  it('sends a strict Content-Security-Policy', async () => {
    const res = await request(app).get('/').set('Host', 'hub.intranet:4000').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("connect-src 'self' ws://hub.intranet:4000 wss://hub.intranet:4000");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    // The page has no inline script to allow: its only non-src script is a JSON data block.
    const inlineScripts = [...res.text.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inlineScripts).toEqual([' type="application/json" id="explorer-config"']);
  });

  it('does not put a hostile Host header into the policy', async () => {
    const res = await request(app).get('/').set('Host', "evil.example; script-src 'unsafe-inline'").expect(200);
    expect(String(res.headers['content-security-policy'])).not.toContain('evil');
  });

  it('embeds tokens and labels JSON-encoded with < escaped', async () => {
    const { text } = await request(app).get('/').expect(200);
    const block = configBlock(text);
    expect(block).not.toContain('<');
    expect(block).toContain('\\u003c/script\\u003e');
    // Exactly one closing tag per script element: the label cannot break out.
    expect(text.match(/<\/script>/g)).toHaveLength(5);
    const config = JSON.parse(block) as { endpoint: string; defaultQuery: string; tokens: Array<{ label: string; token: string }> };
    expect(config.endpoint).toBe('/graphql');
    expect(config.tokens).toEqual([
      { label: '观湖街道 officer (LH-GH, OFFICER)', token: 'eyJhbGciOiJIUzI1NiJ9.officer.sig' },
      { label: hostileLabel, token: 'tok"en</script>' },
    ]);
    expect(config.defaultQuery.replace(/\s+/g, ' ')).toContain(
      '{ cases(first: 5) { totalCount edges { node { caseNo stage summary } } } }',
    );
  });

  it('jsonForHtml round-trips and leaves no markup characters', () => {
    const value = { s: '</script><!-- & \u2028\u2029 >' };
    const encoded = jsonForHtml(value);
    expect(encoded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(encoded)).toEqual(value);
  });

  it.each([
    ['react.production.min.js', /javascript/],
    ['react-dom.production.min.js', /javascript/],
    ['graphiql.min.js', /javascript/],
    ['explorer.js', /javascript/],
    ['graphiql.min.css', /text\/css/],
    ['explorer.css', /text\/css/],
    ['favicon.svg', /image\/svg\+xml/],
  ])('serves asset %s with a long cache lifetime', async (name, type) => {
    const res = await request(app).get(`/explorer/assets/${name}`).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['cache-control']).toContain('max-age=31536000');
    expect(Number(res.headers['content-length'])).toBeGreaterThan(100);
  });

  it('serves the very asset URLs the page references', async () => {
    const { text } = await request(app).get('/').expect(200);
    for (const url of attributeUrls(text)) await request(app).get(url).expect(200);
  });

  it.each([
    '/explorer/assets/unknown.js',
    '/explorer/assets/graphiql.min.js.map',
    '/explorer/assets/..%2Fpackage.json',
    '/explorer/assets/..%2F..%2Fpackage.json',
    '/explorer/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/explorer/assets/../../package.json',
    '/explorer/assets/graphiql/package.json',
    '/explorer/assets/__proto__',
    '/explorer/assets/constructor',
    '/explorer/assets/',
  ])('answers 404 for %s', async (path) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('"name"');
  });

  it('rejects an endpoint that is not a same-origin path', () => {
    expect(() => createExplorerRouter({ endpoint: 'https://example.com/graphql', demoTokens: [] })).toThrow();
    expect(() => createExplorerRouter({ endpoint: '//example.com/graphql', demoTokens: [] })).toThrow();
  });
});
