// A JSON-message WebSocket for the providers whose API is a socket (Gemini Live, OpenAI Realtime, promptfoo's
// `ws://` provider): undici's WebSocket (Node 20 has no global one; undici is the client Node's own fetch is
// built on), messages parsed as they arrive and read in order with `next()`. Every way a socket can end early —
// it never opens, it closes, it errors, the call's time runs out — rejects `next()` with a SocketError saying
// which, so a provider turns it into a transient failure instead of waiting forever.

export class SocketError extends Error {
  override name = 'SocketError';
}

export interface JsonSocket {
  send(message: unknown): void;
  /** The next message: parsed JSON, or the text itself when it is not JSON. */
  next(): Promise<unknown>;
  close(): void;
}

export interface SocketOptions {
  headers?: Record<string, string>;
  /** The engine's per-call timeout. */
  signal?: AbortSignal;
  /** The provider's own limit on the whole exchange (promptfoo's timeoutMs / websocketTimeout). */
  timeoutMs?: number;
  /** Hand each message over as its text, unparsed (a transform in the config parses it itself). */
  raw?: boolean;
}

const decoder = new TextDecoder();

function parse(data: unknown): unknown {
  const text = typeof data === 'string' ? data : decoder.decode(data as ArrayBuffer);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function openJsonSocket(url: string, options: SocketOptions = {}): Promise<JsonSocket> {
  const { WebSocket } = await import('undici');
  const socket = new WebSocket(url, options.headers ? { headers: options.headers } : undefined);
  socket.binaryType = 'arraybuffer';
  const inbox: unknown[] = [];
  const waiting: Array<{ resolve: (m: unknown) => void; reject: (e: Error) => void }> = [];
  let ended: SocketError | undefined;
  let timer: NodeJS.Timeout | undefined;

  const end = (error: SocketError): void => {
    if (ended) return;
    ended = error;
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    for (const w of waiting.splice(0)) w.reject(error);
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close();
  };
  const onAbort = () => end(new SocketError('timed out (aborted)'));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.timeoutMs) {
    timer = setTimeout(
      () => end(new SocketError(`no complete answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    timer.unref();
  }

  socket.addEventListener('message', (event) => {
    const message = options.raw
      ? typeof event.data === 'string'
        ? event.data
        : decoder.decode(event.data as ArrayBuffer)
      : parse(event.data);
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else inbox.push(message);
  });
  socket.addEventListener('close', (event) =>
    end(new SocketError(`the socket closed (code ${event.code}${event.reason ? `: ${event.reason}` : ''})`)),
  );
  socket.addEventListener('error', (event) => {
    const cause = (event as { error?: unknown }).error;
    end(new SocketError(`socket error${cause instanceof Error ? `: ${cause.message}` : ''}`));
  });

  await new Promise<void>((resolve, reject) => {
    if (ended) return reject(ended);
    socket.addEventListener('open', () => resolve(), { once: true });
    waiting.push({ resolve: () => undefined, reject });
  });
  waiting.splice(0);

  return {
    send(message) {
      if (ended) throw ended;
      socket.send(typeof message === 'string' ? message : JSON.stringify(message));
    },
    next() {
      if (inbox.length > 0) return Promise.resolve(inbox.shift());
      if (ended) return Promise.reject(ended);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    close() {
      end(new SocketError('closed by the provider'));
    },
  };
}
