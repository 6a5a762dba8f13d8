// Lets a plain Node process import modules marked `import 'server-only'`, as the react-server
// condition does, without that condition: React Email's renderer (react-dom/server) cannot run under it.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  return specifier === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
