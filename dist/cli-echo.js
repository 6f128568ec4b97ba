import { c as cacheIdentityOf } from './cli-main.js';
import 'node:path';
import 'node:fs';
import 'node:os';
import 'events';
import 'fs';
import 'path';
import 'node:crypto';
import 'node:http';
import 'node:https';
import 'node:util';
import 'node:zlib';
import 'node:events';
import 'node:fs/promises';
import 'process';
import 'buffer';
import 'node:url';
import './cli-version.js';
import 'node:child_process';

function createEchoProvider(spec) {
    return {
        id: spec.id,
        label: spec.label,
        cacheIdentity: cacheIdentityOf(spec.id, spec.config),
        price: { input: 0, output: 0 },
        async callApi(prompt) {
            return { output: prompt, tokenUsage: { prompt: 0, completion: 0, total: 0 }, cost: 0 };
        },
    };
}

export { createEchoProvider };
