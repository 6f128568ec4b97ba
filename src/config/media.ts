// Image, audio and video files named by a var, loaded as promptfoo 0.123.1 loads them (evaluatorHelpers'
// renderPrompt): an image becomes a `data:<mime>;base64,...` URL (the MIME type from the file's first bytes
// when they say, else from its extension), audio and video the bare base64 text. A prompt then places the
// value where the provider expects media (e.g. an OpenAI `image_url` part). Pure.
import path from 'node:path';

const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.ico': 'image/x-icon',
  '.avif': 'image/avif',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.svg': 'image/svg+xml',
};
const AUDIO_VIDEO = new Set(['.mp3', '.wav', '.ogg', '.flac', '.aac', '.m4a', '.mp4', '.webm', '.mov', '.avi', '.mkv']);

/** Whether promptfoo reads a var file with this name as media (base64) rather than text. */
export function isMediaFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return ext in IMAGE_TYPES || AUDIO_VIDEO.has(ext);
}

/** The MIME type the bytes announce (promptfoo's detectMimeFromBase64 for the common formats). */
function sniffImage(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42)
    return 'image/webp';
  if (starts(0x42, 0x4d)) return 'image/bmp';
  return undefined;
}

/** The var's value for a media file's bytes. */
export function mediaVar(file: string, bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const ext = path.extname(file).toLowerCase();
  const declared = IMAGE_TYPES[ext];
  if (declared === undefined) return base64;
  return `data:${sniffImage(bytes) ?? declared};base64,${base64}`;
}
