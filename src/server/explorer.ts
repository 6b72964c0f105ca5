// Self-hosted GraphiQL explorer. The hub runs on intranets without internet access, so the page
// loads nothing from a CDN: React, ReactDOM and GraphiQL are served from node_modules by this
// router, the bootstrap script is a local asset too, and a strict Content-Security-Policy keeps
// the page from reaching anything but its own origin.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Request, Response } from 'express';

export interface ExplorerDemoToken {
  label: string;
  token: string;
}

export interface ExplorerOptions {
  /** Path of the GraphQL endpoint on this origin, e.g. '/graphql' (also used for graphql-ws). */
  endpoint: string;
  /** Offered in the identity selector; the chosen one is sent as `Authorization: Bearer <token>`. */
  demoTokens: ReadonlyArray<ExplorerDemoToken>;
  title?: string;
}

/** URL prefix (relative to where the router is mounted) under which the assets are served. */
export const EXPLORER_ASSET_PREFIX = '/explorer/assets';

export const DEFAULT_EXPLORER_QUERY = `# 示例 Example: 前 5 个案件 (first five cases)
{
  cases(first: 5) {
    totalCount
    edges {
      node {
        caseNo
        stage
        summary
      }
    }
  }
}
`;

interface Asset {
  body: Buffer;
  contentType: string;
  /** Short content hash, appended as ?v= so the long cache lifetime is safe across upgrades. */
  version: string;
}

function packageFile(pkg: string, relative: string): string {
  // Resolving the package.json (always exported) works from src/ under ts-jest and from dist/.
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), relative);
}

// Runs in the browser. Plain ES2017 + React.createElement: no build step, no inline script.
const BOOTSTRAP_JS = String.raw`(function () {
  'use strict';
  var script = document.currentScript;
  // GraphiQL's dialogs (react-remove-scroll) inject a <style> element; it takes the nonce from
  // __webpack_nonce__, which lets it through the page's style-src without 'unsafe-inline'.
  if (script && script.nonce) window.__webpack_nonce__ = script.nonce;

  var config = JSON.parse(document.getElementById('explorer-config').textContent);
  var tokens = config.tokens;
  var STORAGE_KEY = 'enforcement-data-hub:explorer:identity';
  var NONE = '-1';
  var h = React.createElement;

  var url = new URL(config.endpoint, window.location.href);
  var wsUrl = new URL(url.href);
  wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

  function authHeaders(index) {
    var entry = tokens[index];
    return entry ? { Authorization: 'Bearer ' + entry.token } : {};
  }
  function headersText(index) {
    return JSON.stringify(authHeaders(index), null, 2);
  }
  function initialIndex() {
    try {
      var saved = window.localStorage.getItem(STORAGE_KEY);
      if (saved === NONE) return -1;
      for (var i = 0; i < tokens.length; i++) if (tokens[i].label === saved) return i;
    } catch (e) { /* storage unavailable: fall through */ }
    return tokens.length > 0 ? 0 : -1;
  }
  function remember(index) {
    try {
      window.localStorage.setItem(STORAGE_KEY, tokens[index] ? tokens[index].label : NONE);
    } catch (e) { /* ignore */ }
  }

  function Explorer() {
    var state = React.useState(initialIndex);
    var index = state[0];
    var setIndex = state[1];
    // The selected token is the fetcher's base header (also used for the introspection query and as
    // graphql-ws connection params); the headers editor shows it and may override or add headers.
    var fetcher = React.useMemo(function () {
      return GraphiQL.createFetcher({ url: url.href, subscriptionUrl: wsUrl.href, headers: authHeaders(index) });
    }, [index]);
    var headers = headersText(index);

    var options = tokens.map(function (entry, i) {
      return h('option', { key: String(i), value: String(i) }, entry.label);
    });
    options.push(h('option', { key: NONE, value: NONE }, '匿名 (no token)'));

    return h('div', { className: 'explorer' },
      h('header', { className: 'explorer-bar' },
        h('span', { className: 'explorer-title' }, config.title),
        h('label', { className: 'explorer-identity' },
          h('span', null, '身份 Identity'),
          h('select', {
            id: 'explorer-token',
            value: String(index),
            onChange: function (event) {
              var next = Number(event.target.value);
              remember(next);
              setIndex(next);
            },
          }, options))),
      h('main', { className: 'explorer-graphiql' },
        h(GraphiQL, {
          fetcher: fetcher,
          headers: headers,
          defaultHeaders: headers,
          defaultQuery: config.defaultQuery,
          defaultEditorToolsVisibility: 'headers',
          isHeadersEditorEnabled: true,
          shouldPersistHeaders: false,
        })));
  }

  ReactDOM.createRoot(document.getElementById('explorer-root')).render(h(Explorer));
})();
`;

const PAGE_CSS = `html, body, #explorer-root { height: 100%; margin: 0; }
.explorer { display: flex; flex-direction: column; height: 100%; }
.explorer-bar { display: flex; align-items: center; gap: 16px; padding: 6px 16px;
  border-bottom: 1px solid hsla(219, 28%, 32%, 0.12); background: hsl(219, 28%, 98%);
  font: 14px system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }
.explorer-title { font-weight: 600; }
.explorer-identity { display: flex; align-items: center; gap: 8px; margin-left: auto; }
.explorer-identity select { font: inherit; padding: 2px 6px; max-width: 60vw; }
.explorer-graphiql { flex: 1; min-height: 0; }
.explorer-graphiql .graphiql-container { height: 100%; }
`;

// Declared so the browser does not request /favicon.ico from whatever is mounted at the root.
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#c0185e"/>
<path d="M9 8h14v4H13v2h9v4h-9v2h10v4H9z" fill="#fff"/>
</svg>
`;

function loadAssets(): Map<string, Asset> {
  const sources: Array<[name: string, body: Buffer, contentType: string]> = [
    ['react.production.min.js', fs.readFileSync(packageFile('react', 'umd/react.production.min.js')), 'application/javascript; charset=utf-8'],
    ['react-dom.production.min.js', fs.readFileSync(packageFile('react-dom', 'umd/react-dom.production.min.js')), 'application/javascript; charset=utf-8'],
    ['graphiql.min.js', fs.readFileSync(packageFile('graphiql', 'graphiql.min.js')), 'application/javascript; charset=utf-8'],
    ['graphiql.min.css', fs.readFileSync(packageFile('graphiql', 'graphiql.min.css')), 'text/css; charset=utf-8'],
    ['explorer.js', Buffer.from(BOOTSTRAP_JS, 'utf8'), 'application/javascript; charset=utf-8'],
    ['explorer.css', Buffer.from(PAGE_CSS, 'utf8'), 'text/css; charset=utf-8'],
    ['favicon.svg', Buffer.from(FAVICON_SVG, 'utf8'), 'image/svg+xml'],
  ];
  const assets = new Map<string, Asset>();
  for (const [name, body, contentType] of sources) {
    const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
    assets.set(name, { body, contentType, version });
  }
  return assets;
}

/** JSON for a <script type="application/json"> block: nothing in it can close the element. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** ws:// and wss:// sources for this host, if the Host header is a plain host[:port]. */
function webSocketSources(req: Request): string {
  const host = req.get('host');
  if (!host || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return '';
  return ` ws://${host} wss://${host}`;
}

function contentSecurityPolicy(req: Request, nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Stylesheets from this origin; GraphiQL's runtime <style> elements carry the nonce.
    `style-src 'self' 'nonce-${nonce}'`,
    // GraphiQL's CSS embeds its fonts and a few images as data: URIs.
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self'${webSocketSources(req)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function createExplorerRouter(options: ExplorerOptions): express.Router {
  if (!options.endpoint.startsWith('/') || options.endpoint.startsWith('//')) {
    throw new Error(`Explorer endpoint must be a path on this origin, got "${options.endpoint}"`);
  }
  const title = options.title ?? '执法数据枢纽 GraphQL Explorer';
  const assets = loadAssets();
  const config = jsonForHtml({
    title,
    endpoint: options.endpoint,
    defaultQuery: DEFAULT_EXPLORER_QUERY,
    tokens: options.demoTokens.map(({ label, token }) => ({ label, token })),
  });

  const router = express.Router();

  const renderPage = (req: Request, res: Response): void => {
    const nonce = randomBytes(16).toString('base64');
    const asset = (name: string): string => {
      const entry = assets.get(name);
      if (!entry) throw new Error(`unknown explorer asset ${name}`);
      return escapeHtml(`${req.baseUrl}${EXPLORER_ASSET_PREFIX}/${name}?v=${entry.version}`);
    };
    const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/svg+xml" href="${asset('favicon.svg')}">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<link rel="stylesheet" href="${asset('explorer.css')}">
</head>
<body>
<div id="explorer-root"></div>
<script type="application/json" id="explorer-config">${config}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('explorer.js')}" nonce="${nonce}"></script>
</body>
</html>
`;
    res.set({
      'Content-Security-Policy': contentSecurityPolicy(req, nonce),
      // The page embeds (demo) tokens: never cache it.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    });
    res.type('html').send(html);
  };

  router.get('/', renderPage);
  router.get('/graphiql', renderPage);

  router.get(`${EXPLORER_ASSET_PREFIX}/:name`, (req: Request<{ name: string }>, res: Response) => {
    // Fixed whitelist: the name is only ever a map key, never part of a file path.
    const entry = assets.get(req.params.name);
    if (!entry) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.set({
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
    res.type(entry.contentType).send(entry.body);
  });

  return router;
}
