// A multipart/form-data body (the audio uploads of ElevenLabs and OpenAI's transcription API), serialised by the
// platform's own FormData. An array value is sent as that field repeated (OpenAI's `name[]` fields).
type FieldValue = string | number | boolean | undefined;

export async function multipart(
  fields: Record<string, FieldValue | readonly FieldValue[]>,
  file: { field: string; name: string; bytes: Buffer },
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  form.append(file.field, new Blob([file.bytes]), file.name);
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) form.append(name, String(item));
  const encoded = new Response(form);
  return {
    body: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? 'multipart/form-data',
  };
}
