'use strict';
// A static file server for the built add-in (dist/): GET and HEAD only, files only, no
// directory listing, 404 outside the folder or for unknown types. `/` goes to taskpane.html.
// Used by `npm start` on machines without desktop Excel (scripts/start.js).

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Serve `dir` on host:port (port 0: any free port). Resolves to { server, origin }. */
function serveDir(dir, { host = '127.0.0.1', port = 0, index = 'taskpane.html' } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url || '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (rel === '/') rel = `/${index}`;
    const file = path.resolve(root, `.${rel}`);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    if (rel.includes('\0') || !file.startsWith(root + path.sep) || !type) return send(404, 'not found');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return send(404, 'not found');
      res.writeHead(200, { 'content-type': type, 'content-length': st.size, 'cache-control': 'no-cache' });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address();
      resolve({ server, origin: `http://${host === '127.0.0.1' ? 'localhost' : host}:${a.port}` });
    });
  });
}

module.exports = { serveDir, CONTENT_TYPES };
