// The n-gram overlap scores, with promptfoo 0.123.1's implementations (src/assertions/bleu.ts, gleu.ts and
// rouge.ts there): bleu (Papineni et al. 2002, 1–4-grams weighted equally, clipped counts, brevity penalty,
// best over a list of references), gleu (Google-BLEU: the lesser of n-gram precision and recall, best over the
// references) and rouge-n (ROUGE-1 F-measure with clipped counts, on js-rouge's tokenizer). Scores are 0–1;
// bleu and gleu pass at >= threshold 0.5, rouge-n at 0.75. The not- forms pass below the threshold and score
// 1 - score.
import { fMeasure, nGram, treeBankTokenize } from 'js-rouge';
import { invariant, type AssertionHandler } from './handler.js';

function nGrams(words: string[], n: number): string[] {
  if (n <= 0 || n > words.length) return [];
  const grams: string[] = [];
  for (let i = 0; i <= words.length - n; i++) grams.push(words.slice(i, i + n).join(' '));
  return grams;
}

function counts(grams: string[]): Map<string, number> {
  const counted = new Map<string, number>();
  for (const gram of grams) counted.set(gram, (counted.get(gram) ?? 0) + 1);
  return counted;
}

/** How many of the candidate's n-grams the reference has, each counted at most as often as it has it. */
function clippedOverlap(candidate: string[], reference: string[]): number {
  const available = counts(reference);
  let overlap = 0;
  for (const [gram, count] of counts(candidate)) overlap += Math.min(count, available.get(gram) ?? 0);
  return overlap;
}

const words = (text: string) => text.toLowerCase().trim().split(/\s+/);

export function bleuScore(candidate: string, references: string[]): number {
  if (candidate.trim() === '') return 0;
  const candidateWords = words(candidate);
  const referenceWords = references.map(words);
  // The reference length closest to the candidate's (the shorter on a tie).
  const closest = referenceWords
    .map((w) => w.length)
    .reduce((prev, curr) => {
      const [dc, dp] = [Math.abs(curr - candidateWords.length), Math.abs(prev - candidateWords.length)];
      return dc < dp || (dc === dp && curr < prev) ? curr : prev;
    });
  const orders: number[] = [];
  for (let n = 1; n <= 4; n++) {
    const grams = nGrams(candidateWords, n);
    if (grams.length === 0) continue;
    const best = Math.max(...referenceWords.map((ref) => clippedOverlap(grams, nGrams(ref, n))));
    orders.push(best / grams.length);
  }
  const brevity = candidateWords.length > closest ? 1 : Math.exp(1 - closest / candidateWords.length);
  if (orders.length === 0) return 0;
  // Equal weights (0.25 each), renormalized over the orders the candidate is long enough for.
  const logMean = orders.reduce((acc, p) => acc + Math.log(p === 0 ? 1e-7 : p) / orders.length, 0);
  return brevity * Math.exp(logMean);
}

function gleuWords(text: string): string[] {
  const tokens = text
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/\.+$/, ''));
  return tokens.some(Boolean) ? tokens : [];
}

export function gleuScore(candidate: string, references: string[]): number {
  const candidateWords = gleuWords(candidate);
  if (candidateWords.length === 0) return 0;
  const perReference = references.map((reference) => {
    const referenceWords = gleuWords(reference);
    if (candidateWords.length === referenceWords.length && candidateWords.every((w, i) => w === referenceWords[i])) {
      return 1;
    }
    let matches = 0;
    let candidateTotal = 0;
    let referenceTotal = 0;
    for (let n = 1; n <= 4; n++) {
      const candidateGrams = nGrams(candidateWords, n);
      const referenceGrams = nGrams(referenceWords, n);
      matches += clippedOverlap(candidateGrams, referenceGrams);
      candidateTotal += candidateGrams.length;
      referenceTotal += referenceGrams.length;
    }
    if (candidateTotal === 0 || referenceTotal === 0) return 0;
    return Math.min(matches / candidateTotal, matches / referenceTotal);
  });
  return Math.max(...perReference);
}

/** ROUGE-N (N = 1) F1 with clipped counts: a perfect match scores 1 even with repeated tokens. */
export function rougeNScore(candidate: string, reference: string, n = 1): number {
  const candidateTokens = treeBankTokenize(candidate);
  const referenceTokens = treeBankTokenize(reference);
  if (candidateTokens.length < n || referenceTokens.length < n) return 0;
  const candidateGrams = nGram(candidateTokens, n);
  const referenceGrams = nGram(referenceTokens, n);
  const overlap = clippedOverlap(candidateGrams, referenceGrams);
  if (overlap === 0) return 0;
  return fMeasure(overlap / candidateGrams.length, overlap / referenceGrams.length, 1);
}

function references(value: unknown, type: string): string[] {
  invariant(
    typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')),
    `"${type}" assertion type must have a string or array of strings value`,
  );
  const listed = Array.isArray(value) ? (value as string[]) : [value];
  invariant(listed.length > 0, `"${type}" assertion needs at least one reference`);
  return listed;
}

const bleu: AssertionHandler = ({ assertion, value, outputString, inverse }) => {
  const threshold = assertion.threshold ?? 0.5;
  const score = bleuScore(outputString, references(value, 'bleu'));
  const pass = score >= threshold !== inverse;
  const reason = `BLEU score ${score.toFixed(4)} is ${inverse ? 'greater' : 'less'} than threshold ${threshold}`;
  return { pass, score: inverse ? 1 - score : score, reason: pass ? 'Assertion passed' : reason };
};

const gleu: AssertionHandler = ({ assertion, value, outputString, inverse }) => {
  const threshold = assertion.threshold ?? 0.5;
  const score = gleuScore(outputString, references(value, 'gleu'));
  const pass = score >= threshold !== inverse;
  const relation = inverse ? 'greater than or equal to' : 'less than';
  const reason = `GLEU score ${score.toFixed(4)} is ${relation} threshold ${threshold}`;
  return { pass, score: inverse ? 1 - score : score, reason: pass ? 'Assertion passed' : reason };
};

const rougeN: AssertionHandler = ({ assertion, value, outputString, inverse }) => {
  invariant(typeof value === 'string', '"rouge" assertion type must be a string value');
  const score = rougeNScore(outputString.toLowerCase(), value.toLowerCase());
  const threshold = assertion.threshold ?? 0.75;
  const relation = score >= threshold ? 'greater than or equal to' : 'less than';
  return {
    pass: score >= threshold !== inverse,
    score: inverse ? 1 - score : score,
    reason: `ROUGE-N score ${score.toFixed(2)} is ${relation} threshold ${threshold}`,
  };
};

export const ngramAssertions: Record<string, AssertionHandler> = { bleu, gleu, 'rouge-n': rougeN };
