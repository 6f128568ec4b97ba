// A JSON-message WebSocket for the providers whose API is a socket (Gemini Live, OpenAI Realtime, promptfoo's
// `ws://` provider): undici's WebSocket (Node 20 has no global one; undici is the client Node's own fetch is
// built on), messages parsed as they arrive and read in order with `next()`. Every way a socket can end early —
// it never opens, it closes, it errors, the call's time runs out — rejects `next()` with a SocketError saying
// which, so a provider turns it into a transient failure instead of waiting forever.
class SocketError extends Error {
    name = 'SocketError';
}
const decoder = new TextDecoder();
function parse(data) {
    const text = typeof data === 'string' ? data : decoder.decode(data);
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
async function openJsonSocket(url, options = {}) {
    const { WebSocket } = await import('./cli-index2.js').then(function (n) { return n.i; });
    const socket = new WebSocket(url, options.headers ? { headers: options.headers } : undefined);
    socket.binaryType = 'arraybuffer';
    const inbox = [];
    const waiting = [];
    let ended;
    let timer;
    const end = (error) => {
        if (ended)
            return;
        ended = error;
        if (timer)
            clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        for (const w of waiting.splice(0))
            w.reject(error);
        if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
            socket.close();
    };
    const onAbort = () => end(new SocketError('timed out (aborted)'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs) {
        timer = setTimeout(() => end(new SocketError(`no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs);
        timer.unref();
    }
    socket.addEventListener('message', (event) => {
        const message = options.raw
            ? typeof event.data === 'string'
                ? event.data
                : decoder.decode(event.data)
            : parse(event.data);
        const waiter = waiting.shift();
        if (waiter)
            waiter.resolve(message);
        else
            inbox.push(message);
    });
    socket.addEventListener('close', (event) => end(new SocketError(`the socket closed (code ${event.code}${event.reason ? `: ${event.reason}` : ''})`)));
    socket.addEventListener('error', (event) => {
        const cause = event.error;
        end(new SocketError(`socket error${cause instanceof Error ? `: ${cause.message}` : ''}`));
    });
    await new Promise((resolve, reject) => {
        if (ended)
            return reject(ended);
        socket.addEventListener('open', () => resolve(), { once: true });
        waiting.push({ resolve: () => undefined, reject });
    });
    waiting.splice(0);
    return {
        send(message) {
            if (ended)
                throw ended;
            socket.send(typeof message === 'string' ? message : JSON.stringify(message));
        },
        next() {
            if (inbox.length > 0)
                return Promise.resolve(inbox.shift());
            if (ended)
                return Promise.reject(ended);
            return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
        },
        close() {
            end(new SocketError('closed by the provider'));
        },
    };
}

export { SocketError as S, openJsonSocket as o };
