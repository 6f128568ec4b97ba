// A loopback WebSocket server (RFC 6455 by hand: the upgrade handshake, masked client frames, unmasked server
// frames) for the providers that speak a socket. Each connection is handed to the test's `onConnection`, which
// scripts the vendor's side; every handshake and every message received is recorded.
import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface FakeSocket {
  /** The request path with its query, and the handshake's headers. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Every message the client sent, parsed when JSON. */
  received: unknown[];
  send(message: unknown, options?: { binary?: boolean }): void;
  /** Resolves with the next message the client sends. */
  next(): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(code?: number): void;
}

export interface FakeWebSocketServer {
  url: string;
  connections: FakeSocket[];
  close(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), Buffer.alloc(4), Buffer.from([0, 0, 0, 0])]);
  if (length >= 65536) header.writeUInt32BE(length, 6);
  return Buffer.concat([header, payload]);
}

export async function startFakeWebSocketServer(
  onConnection: (socket: FakeSocket) => void | Promise<void>,
): Promise<FakeWebSocketServer> {
  const connections: FakeSocket[] = [];
  const raw = new Set<Duplex>();
  const server = http.createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, stream: Duplex) => {
    raw.add(stream);
    const key = String(req.headers['sec-websocket-key']);
    const accept = createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    stream.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const inbox: unknown[] = [];
    const waiting: Array<(m: unknown) => void> = [];
    let buffer = Buffer.alloc(0);
    const socket: FakeSocket = {
      url: req.url ?? '/',
      headers: req.headers,
      received: [],
      send(message, options) {
        const text = typeof message === 'string' ? message : JSON.stringify(message);
        stream.write(frame(options?.binary ? 0x2 : 0x1, Buffer.from(text)));
      },
      next: () => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((r) => waiting.push(r))),
      close(code = 1000) {
        const payload = Buffer.alloc(2);
        payload.writeUInt16BE(code);
        stream.write(frame(0x8, payload));
        stream.end();
      },
    };
    stream.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (buffer.length < 2) return;
        const opcode = buffer[0]! & 0x0f;
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.length < 4) return;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.length < 10) return;
          length = buffer.readUInt32BE(6);
          offset = 10;
        }
        if (buffer.length < offset + 4 + length) return;
        const mask = buffer.subarray(offset, offset + 4);
        const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length));
        for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
        buffer = buffer.subarray(offset + 4 + length);
        if (opcode === 0x8) {
          stream.end(frame(0x8, payload.subarray(0, 2)));
          return;
        }
        if (opcode === 0x9) {
          stream.write(frame(0xa, payload));
          continue;
        }
        const text = payload.toString('utf8');
        let message: unknown = text;
        try {
          message = JSON.parse(text);
        } catch {
          // text as it is
        }
        socket.received.push(message);
        const waiter = waiting.shift();
        if (waiter) waiter(message);
        else inbox.push(message);
      }
    });
    stream.on('error', () => undefined);
    connections.push(socket);
    void onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of raw) s.destroy();
        server.close(() => resolve());
      }),
  };
}
