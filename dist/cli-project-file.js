import { realpath, readFile } from 'node:fs/promises';
import path from 'node:path';

// A media file a provider sends (an audio clip to transcribe, a video's first frame), named by a test or a
// provider's config: relative paths resolve against the suite's directory, then the working directory, and the
// file must be the project's (a prompt can be written by the pull request), not the runner's.
/** `what` names the file in errors ("audio file", "image file"). */
async function readProjectFile(reference, rootDir, what) {
    const roots = [...new Set([path.resolve(rootDir), process.cwd()])];
    for (const root of roots) {
        const candidate = path.resolve(root, reference);
        let file;
        try {
            file = await realpath(candidate);
        }
        catch {
            continue;
        }
        const inside = roots.some((r) => !path.relative(r, file).startsWith('..') && !path.isAbsolute(path.relative(r, file)));
        if (!inside)
            throw new Error(`the ${what} ${file} is outside the suite's directory and the working directory`);
        return { file, bytes: await readFile(file) };
    }
    throw new Error(`no ${what} ${reference} (looked in ${roots.join(' and ')})`);
}

export { readProjectFile as r };
