/**
 * Loaded before every snippet of the docs (`node --import`): a server a snippet starts listens on
 * 127.0.0.1 only, whatever host it asks for, so that running the docs never opens a port to the
 * network. The docs themselves stay as users would write them (`server.listen(port)`).
 */
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

function onLoopback(args: unknown[]): unknown[] {
  const [first] = args;
  if (typeof first === 'object' && first !== null) {
    // listen({ port, host, ... }, callback?); a path or a handle is not a network port.
    const options = first as { port?: unknown; path?: unknown };
    if (options.path !== undefined || options.port === undefined) return args;
    return [{ ...options, host: LOOPBACK }, ...args.slice(1)];
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return args; // a socket path
  if (first === undefined || typeof first === 'function') return [0, LOOPBACK, ...args];
  // listen(port, host?, backlog?, callback?)
  const rest = typeof args[1] === 'string' ? args.slice(2) : args.slice(1);
  return [first, LOOPBACK, ...rest];
}

net.Server.prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]) {
  return (listen as (...a: unknown[]) => net.Server).apply(this, onLoopback(args));
} as typeof listen;
