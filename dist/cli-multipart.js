async function multipart(fields, file) {
    const form = new FormData();
    form.append(file.field, new Blob([file.bytes]), file.name);
    for (const [name, value] of Object.entries(fields))
        for (const item of Array.isArray(value) ? value : [value])
            if (item !== undefined)
                form.append(name, String(item));
    const encoded = new Response(form);
    return {
        body: Buffer.from(await encoded.arrayBuffer()),
        contentType: encoded.headers.get('content-type') ?? 'multipart/form-data',
    };
}

export { multipart as m };
