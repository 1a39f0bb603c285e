import { browser, type Runtime } from '../platform/browser';
import { CHANNEL } from './protocol';

type Handlers<Map extends { [K in keyof Map]: { req: unknown; res: unknown } }> = {
  [K in keyof Map]: (req: Map[K]['req'], sender: Runtime.MessageSender) => Promise<Map[K]['res']> | Map[K]['res'];
};

/**
 * Listen for one side of the protocol. Registered synchronously at start-up (MV3 service workers
 * must have their listeners before the first await). Messages from other extensions, or without our
 * channel tag, are not answered.
 */
export function listen<Map extends { [K in keyof Map]: { req: unknown; res: unknown } }>(handlers: Handlers<Map>): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (typeof message !== 'object' || message === null) return undefined;
    const { channel, type, ...req } = message as { channel?: unknown; type?: unknown };
    if (channel !== CHANNEL || typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as keyof Map];
    return Promise.resolve().then(() => handler(req as never, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
