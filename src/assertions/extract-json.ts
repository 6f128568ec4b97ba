// Finds the JSON objects embedded in free text ("Sure! {"a": 1} Hope that helps"), exactly as promptfoo's
// extractJsonObjects does: scan for `{`, grow to the balanced `}`, and parse leniently as YAML flow
// (so single quotes, unquoted keys and // comments are tolerated, as models often write them).
import { parse as parseYaml } from 'yaml';

const MAX_JSON_LENGTH = 100_000;

function parseLenient(text: string): unknown {
  // promptfoo parses with js-yaml's `json: true`: a repeated key keeps its last value instead of failing.
  return parseYaml(convertSlashCommentsToHash(text), { uniqueKeys: false });
}

export function extractJsonObjects(str: string): object[] {
  const found: object[] = [];
  for (let i = 0; i < str.length; i++) {
    if (str[i] !== '{') continue;
    let open = 1;
    let close = 0;
    let j = i + 1;
    const end = Math.min(i + MAX_JSON_LENGTH, str.length);
    while (j < end && open > close) {
      if (str[j] === '{') open++;
      if (str[j] === '}') close++;
      j++;
      if (open === close || j === str.length || j === i + MAX_JSON_LENGTH) {
        try {
          // An object cut off by the end of the text is closed, as a model's truncated answer would be.
          const candidate = str.slice(i, j) + (open > close ? '}'.repeat(open - close) : '');
          const parsed = parseLenient(candidate);
          if (typeof parsed === 'object' && parsed !== null) {
            found.push(parsed);
            i = j - 1;
            break;
          }
        } catch {
          if (open === close) break;
        }
      }
    }
  }
  return found;
}

function isEscapedQuote(line: string, quoteIndex: number): boolean {
  let backslashes = 0;
  for (let k = quoteIndex - 1; k >= 0 && line[k] === '\\'; k--) backslashes++;
  return backslashes % 2 === 1;
}

/** `// comment` → `# comment` outside strings and URLs, so the YAML parser skips it. */
export function convertSlashCommentsToHash(str: string): string {
  return str
    .split('\n')
    .map((line) => {
      let state: 'normal' | 'single' | 'double' = 'normal';
      let result = '';
      for (let i = 0; i < line.length; i++) {
        const char = line[i];
        const next = line[i + 1];
        const prev = i > 0 ? line[i - 1] : '';
        if (state === 'normal') {
          if (char === "'" && !/[a-zA-Z]/.test(prev)) {
            state = 'single';
            result += char;
          } else if (char === '"') {
            state = 'double';
            result += char;
          } else if (char === '/' && next === '/') {
            let tokenStart = 0;
            for (let k = i - 1; k >= 0; k--) {
              if (/\s/.test(line[k])) {
                tokenStart = k + 1;
                break;
              }
            }
            if (line.slice(tokenStart, i + 2).includes('://')) {
              // A URL such as http://x is not a comment.
              result += char;
              continue;
            }
            let slashes = 2;
            while (i + slashes < line.length && line[i + slashes] === '/') slashes++;
            return result + '#'.repeat(Math.floor(slashes / 2)) + line.slice(i + slashes);
          } else {
            result += char;
          }
        } else if (state === 'single') {
          result += char;
          if (char === "'" && !isEscapedQuote(line, i) && !/[a-zA-Z]/.test(String(next))) state = 'normal';
        } else {
          result += char;
          if (char === '"' && !isEscapedQuote(line, i)) state = 'normal';
        }
      }
      return result;
    })
    .join('\n');
}
