// Runs once when a server starts. Everything it does needs Node.js, so it lives in
// instrumentation-node.ts, imported inside this `if` alone: the bundler drops the import from the
// Edge build, which would otherwise try (and fail) to bundle Node's modules.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./instrumentation-node');
    await startServer();
  }
}
