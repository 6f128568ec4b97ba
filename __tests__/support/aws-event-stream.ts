// AWS's event-stream framing (application/vnd.amazon.eventstream), as Bedrock streams InvokeAgent's answer:
// one binary message per event, each with its :message-type, :event-type (or :exception-type) and
// :content-type headers and a JSON payload. Frames are encoded by the Smithy codec AWS's SDKs use, so the
// test server speaks what Bedrock sends; the prelude and message CRCs are the codec's.
import { EventStreamCodec } from '@smithy/core/event-streams';

const codec = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

export type StreamEvent =
  /** An event of the stream's union: `chunk`, `trace`, `returnControl`, `files`. */
  | { event: string; payload: unknown }
  /** A modelled error sent inside the stream (`throttlingException`, `accessDeniedException`, …). */
  | { exception: string; payload: unknown };

const header = (value: string) => ({ type: 'string' as const, value });

/** The whole body of a streamed answer: the frames of `events`, in order. */
export function eventStreamBody(events: StreamEvent[]): Buffer {
  const frames = events.map((item) =>
    codec.encode({
      headers:
        'event' in item
          ? {
              ':message-type': header('event'),
              ':event-type': header(item.event),
              ':content-type': header('application/json'),
            }
          : {
              ':message-type': header('exception'),
              ':exception-type': header(item.exception),
              ':content-type': header('application/json'),
            },
      body: new TextEncoder().encode(JSON.stringify(item.payload)),
    }),
  );
  return Buffer.concat(frames);
}

/** A chunk event carrying `text` as InvokeAgent sends it (base64 bytes in the JSON payload). */
export function chunk(text: string): StreamEvent {
  return { event: 'chunk', payload: { bytes: Buffer.from(text, 'utf8').toString('base64') } };
}

export const EVENT_STREAM_HEADERS = { 'content-type': 'application/vnd.amazon.eventstream' };
