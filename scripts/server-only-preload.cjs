// Lets worker and CLI processes (plain Node via tsx) load lib/db modules marked `server-only`:
// the marker package throws outside React Server Components, but these processes are server-side.
const Module = require("node:module");
const originalResolve = Module._resolveFilename;
const stub = require.resolve("./server-only-stub.cjs");
Module._resolveFilename = function resolveServerOnly(request, ...rest) {
  if (request === "server-only") return stub;
  return originalResolve.call(this, request, ...rest);
};
