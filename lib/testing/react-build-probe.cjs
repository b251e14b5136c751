// Loaded with NODE_OPTIONS=--require into every Node process of a command (npm, tsx, the app):
// at exit, appends to REACT_BUILD_PROBE_FILE which React builds (development or production) the
// process loaded, and the NODE_ENV it ended with. Used by scripts/start.test.ts.
const fs = require("node:fs");

process.on("exit", () => {
  const file = process.env.REACT_BUILD_PROBE_FILE;
  if (!file) return;
  const reactBuilds = Object.keys(require.cache).filter((loaded) => /[\\/]node_modules[\\/]react(-dom)?[\\/]cjs[\\/]/.test(loaded));
  fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, nodeEnv: process.env.NODE_ENV ?? null, reactBuilds })}\n`);
});
