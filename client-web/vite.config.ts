// Vite builds the web client that the server embeds and serves under `/`.
//
// The server sends `Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; …`, so the
// output must not contain inline scripts or styles: no module-preload polyfill, CSS as files, no inline assets.

import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where the server's HTTP port is while developing (`engawa serve` binds here by default). */
const SERVER = process.env.ENGAWA_DEV_SERVER ?? 'http://127.0.0.1:8080';

/** The same policy the server sends with the embedded client, so `vite preview` shows what CSP would block. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

function outDir(): string {
  const out = process.env.ENGAWA_WEB_OUT;
  if (!out) return 'dist';
  if (!isAbsolute(out)) throw new Error(`ENGAWA_WEB_OUT must be an absolute path, got ${out}`);
  return out;
}

// The upgrade keeps the browser's Host and Origin (no changeOrigin): the server accepts a WebSocket whose Origin
// matches its Host, which is then the dev server's.
const proxy = {
  '/ws': { target: SERVER, ws: true },
  '/api': { target: SERVER },
  '/l10n': { target: SERVER },
  '/healthz': { target: SERVER },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: outDir(),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // Never turn assets into data: URLs inside CSS or JS; every asset is a file of its own.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  server: { proxy, strictPort: true },
  preview: { proxy, strictPort: true, headers: { 'Content-Security-Policy': CSP } },
});
