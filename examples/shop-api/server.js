// shop-api: the example service bundled with perfgate.
//   PORT=3000 node server.js
//   PERFGATE_EXAMPLE_REGRESSION=scoreProduct node server.js   (planted regression)

import http from 'node:http';
import { createStore } from './data.js';
import { regressionError, REGRESSION } from './regression.js';
import { SLOWDOWN, slowdownError } from './slowdown.js';
import { createHandler } from './router.js';
import { createSearchIndex } from './search.js';

const HOST = '127.0.0.1';

function readPort() {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    console.error(`shop-api: PORT must be an integer 0..65535 (got ${JSON.stringify(raw)})`);
    process.exit(1);
  }
  return port;
}

function main() {
  const problem = regressionError() ?? slowdownError();
  if (problem !== null) {
    console.error(problem);
    process.exit(1);
  }
  const port = readPort();
  const store = createStore();
  const index = createSearchIndex(store.productList);
  const server = http.createServer(createHandler({ store, index }));
  server.keepAliveTimeout = 65_000;

  server.on('error', function onServerError(error) {
    console.error(`shop-api: cannot listen on ${HOST}:${port}: ${error.message}`);
    process.exit(1);
  });

  server.listen(port, HOST, function onListening() {
    const suffix = (REGRESSION === '' ? '' : ` (regression: ${REGRESSION})`) + (SLOWDOWN === 0 ? '' : ` (slowdown: +${Math.round(SLOWDOWN * 100)}% data)`);
    console.log(`shop-api listening on http://${HOST}:${server.address().port}${suffix}`);
  });

  let stopping = false;
  function shutdown(signal) {
    if (stopping) return;
    stopping = true;
    server.close(function onClosed() {
      process.exit(0);
    });
    // Keep-alive connections that are idle close now; busy ones finish their response.
    server.closeIdleConnections();
    setTimeout(function forceExit() {
      server.closeAllConnections();
      process.exit(0);
    }, 2000).unref();
    console.log(`shop-api: ${signal}, shutting down`);
  }
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();
