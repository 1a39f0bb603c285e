import { browser, type Runtime } from '../platform/browser';
import { dispatch, type Handlers } from './dispatch';
import { CHANNEL, type Route } from './protocol';
import { senderKind } from './senders';

/**
 * Listen for one side of the protocol. Registered synchronously at start-up (MV3 service workers
 * must have their listeners before the first await). Messages from other extensions, or without our
 * channel tag, are not answered; the rest are checked by `dispatch` (sender, then payload).
 */
export function listen<R extends Record<string, Route<unknown, unknown>>>(routes: R, handlers: Handlers<R, Runtime.MessageSender>): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    const from = senderKind(sender, browser.runtime.id);
    if (from === null || (message as { channel?: unknown } | null)?.channel !== CHANNEL) return undefined;
    return dispatch(routes, handlers, message, from, sender);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
