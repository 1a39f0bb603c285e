import { SchemaError } from '../core/schema';
import { CHANNEL, type Reply, type Route, type RequestsOf, type SenderKind } from './protocol';

export type Handlers<R, Sender> = {
  [K in keyof RequestsOf<R>]: (req: RequestsOf<R>[K]['req'], sender: Sender) => Promise<RequestsOf<R>[K]['res']> | RequestsOf<R>[K]['res'];
};

const error = (code: 'forbidden' | 'invalid' | 'unknown-type' | 'failed', message: string): Reply<never> => ({ ok: false, error: { code, message } });

/**
 * Answer one message: not ours (no channel tag, or a sender that is not Tieline) → undefined, no
 * answer at all. Otherwise the sender must be allowed for the type and the payload must pass its
 * schema before the handler runs; every failure is a typed error reply, never a throw.
 */
export async function dispatch<R extends Record<string, Route<unknown, unknown>>, Sender>(
  routes: R,
  handlers: Handlers<R, Sender>,
  message: unknown,
  from: SenderKind | null,
  sender: Sender,
): Promise<Reply<unknown> | undefined> {
  if (from === null || typeof message !== 'object' || message === null) return undefined;
  const { channel, type, ...payload } = message as Record<string, unknown>;
  if (channel !== CHANNEL) return undefined;
  if (typeof type !== 'string' || !Object.hasOwn(routes, type)) return error('unknown-type', `unknown message type ${String(type).slice(0, 40)}`);
  const route = routes[type];
  if (!route.from.includes(from)) return error('forbidden', `${type} may not be sent from a ${from === 'content' ? 'content script' : from}`);
  let req: unknown;
  try {
    req = route.req.check(payload, '');
  } catch (e) {
    if (e instanceof SchemaError) return error('invalid', `${type}: ${e.message}`);
    throw e;
  }
  try {
    const handler = (handlers as Record<string, (req: unknown, sender: Sender) => unknown>)[type];
    return { ok: true, value: await handler(req, sender) };
  } catch (e) {
    return error('failed', e instanceof Error ? e.message : String(e));
  }
}

/** Thrown by senders when the answer is an error reply. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The value of a reply, or a RequestError; anything not shaped like a reply is refused too. */
export function unwrapReply<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (r?.ok === true) return r.value;
  if (r?.ok === false) throw new RequestError(String(r.error?.code), String(r.error?.message));
  throw new RequestError('no-answer', 'no answer');
}
