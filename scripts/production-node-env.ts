/**
 * `npm start` serves the production build, and scripts/start.ts imports this module first, before
 * anything that loads React. React's entry points (`react`, `react/jsx-runtime`,
 * `react-dom/server`) each choose their development or production build from NODE_ENV when they
 * are first loaded. Next's server sets NODE_ENV=production inside the process during `prepare()`,
 * long after the worker's digest renderer loaded `react` and `react/jsx-runtime` with NODE_ENV
 * unset; the renderer's `react-dom/server`, loaded at the first send, was then the production
 * build driving development-build elements, and every digest failed ("dispatcher.getOwner is not
 * a function"). Settling NODE_ENV before any import gives the whole process one React build.
 */
const requested = process.env.NODE_ENV;
if (requested && requested !== "production") {
  console.warn(`[iamfit] NODE_ENV=${requested} is ignored: npm start runs the production build.`);
}
// Next's types declare NODE_ENV read-only; this is the one place that sets it.
Object.assign(process.env, { NODE_ENV: "production" });
