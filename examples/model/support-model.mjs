// A simulated support model: a deterministic stand-in for an instruction-following LLM, so the example suite
// runs offline, with no API key, and gives the same answer on every run.
//
// Why not the built-in `echo` provider? Echo returns the prompt itself: it can check what a prompt *says*
// (see prompt-checks.yaml) but not how a model *behaves*, so editing a prompt can never show a change in
// behaviour. This model reads the prompt's instructions the way a model would and follows only what they ask
// for: it answers in JSON only when told to, picks a category only among those the prompt lists, rates
// urgency high only for the cases the prompt names, greets by name, signs off, keeps to a word limit and
// refrains from promising refunds only when told. Drop an instruction from a prompt and the behaviour it asked
// for goes away: that is the regression `npm run demo` shows.
//
// promptfoo's custom provider contract: a default-exported class constructed with `{ id, config }` whose
// `callApi(prompt, context)` returns `{ output, tokenUsage, cost }`. Tokens are estimated as characters / 4
// and priced by `config.inputPricePerMTok` / `config.outputPricePerMTok` (USD per million, default 0.15 / 0.60);
// each call takes 20 ms + 1 ms per output token. No randomness: the same prompt always gets the same answer.

/** Keywords per category, matched against the ticket (never the instructions). A tie goes to the category the prompt lists first. */
const CATEGORY_KEYWORDS = {
  billing: ['charge', 'charged', 'invoice', 'refund', 'payment', 'billed', 'card', 'subscription', 'price', 'receipt'],
  shipping: ['ship', 'delivery', 'delivered', 'package', 'parcel', 'tracking', 'shipped', 'courier', 'arrive', 'box'],
  account: ['log in', 'login', 'password', 'locked', 'sign in', 'account', 'email address', 'two-factor', '2fa'],
  bug: ['crash', 'crashes', 'error', 'broken', 'bug', 'freezes', 'blank screen', 'does not load', "doesn't load"],
};

/**
 * What makes a ticket urgent, and the words a prompt uses to ask for it. A trigger applies only when the
 * instructions mention it: without the rule this model, like a real one, rates by tone alone.
 */
const URGENT_TRIGGERS = [
  { named: /fraud/i, found: /fraud|scam|stolen|hacked/i },
  { named: /locked/i, found: /locked|lock(ed)? me out|can'?t get into my account/i },
  {
    named: /did not make|didn't make|unknown charge|unrecognized charge/i,
    found: /did ?n[o']t make|never made|don'?t recogni[sz]e|not mine|unknown charge|never authori[sz]ed/i,
  },
];

// Order and invoice references as customers write them: "order #4412", "#4412", "INV-2093".
const ORDER_NUMBER = /(?:order\s+)?#\d{3,}|\b[A-Z]{2,4}-\d{3,}\b/gi;

/** Split a prompt into its instructions and its input: the input follows the last "Ticket…:" or "Conversation:" line. */
function splitPrompt(prompt) {
  const lines = prompt.split('\n');
  let at = -1;
  lines.forEach((line, i) => {
    if (/^(ticket|conversation)\b[^\n]*:\s*$/i.test(line.trim())) at = i;
  });
  if (at < 0) return { instructions: prompt, input: '' };
  return {
    instructions: lines.slice(0, at).join('\n'),
    input: lines
      .slice(at + 1)
      .join('\n')
      .trim(),
  };
}

/** The options a prompt lists after a word, e.g. "category: billing, shipping or other" → [billing, shipping, other]. */
function listedAfter(instructions, word) {
  const match = new RegExp(`${word}[^:\\n]*?(?::|as)\\s*([a-z ,]+?(?:,? or [a-z]+))`, 'i').exec(instructions);
  if (!match) return [];
  return match[1]
    .split(/,|\bor\b/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function classify(instructions, ticket) {
  const text = ticket.toLowerCase();
  const categories = listedAfter(instructions, 'category');
  const allowed = categories.length > 0 ? categories : ['general'];
  let best = allowed.includes('other') ? 'other' : allowed[0];
  let bestScore = 0;
  for (const category of allowed) {
    const score = (CATEGORY_KEYWORDS[category] ?? []).filter((k) => text.includes(k)).length;
    if (score > bestScore) [best, bestScore] = [category, score];
  }
  const levels = listedAfter(instructions, 'urgency');
  const scale = levels.length > 0 ? levels : ['low', 'normal', 'high'];
  const urgent = URGENT_TRIGGERS.some((t) => t.named.test(instructions) && t.found.test(ticket));
  const calm = /\b(how do i|how can i|question|wondering|when convenient)\b/i.test(ticket);
  const urgency = urgent ? scale[scale.length - 1] : calm ? scale[0] : scale[Math.floor(scale.length / 2)];

  if (/\bjson\b/i.test(instructions)) return JSON.stringify({ category: best, urgency });
  return `This looks like a ${best} ticket with ${urgency} urgency.`;
}

const REPLY_BODY = {
  billing: (orders) =>
    `I'm sorry about the trouble with the charge${orders ? ` on ${orders}` : ''}. I've checked your billing history and passed the details on.`,
  shipping: (orders) =>
    `I'm sorry your delivery${orders ? ` for ${orders}` : ''} hasn't gone as planned. I've asked our shipping team to trace it with the courier.`,
  account: () => `I'm sorry you can't get into your account. I've sent a secure link so you can reset your sign-in.`,
  bug: () =>
    `Thanks for reporting this, and sorry for the trouble. I've passed the details to our engineers with your report.`,
  other: () => `Thanks for getting in touch. I've noted your request and passed it to the right team.`,
};

// What a model adds when nothing tells it to be brief.
const RAMBLE =
  'In the meantime, you may find our help centre useful: it covers the most common questions about orders, ' +
  'payments, deliveries and your account settings, with step-by-step guides and screenshots. If anything else ' +
  'comes up, you can reply to this email at any time, reach us through the chat in the app, or call our support ' +
  'line on weekdays. We value your feedback and use it to improve our products and services every single day, ' +
  'and we are grateful for your patience while we look into this for you. Thank you again for being an Acme customer.';

function reply(instructions, ticket, prompt) {
  const category = /^category:\s*(\w+)/im.exec(prompt)?.[1]?.toLowerCase() ?? 'other';
  const orders = [...new Set(ticket.match(ORDER_NUMBER) ?? [])]
    .map((ref) => (ref.startsWith('#') ? `order ${ref}` : ref))
    .join(' and ');
  const name = /greet\s+(\S+?)\s+by name/i.exec(instructions)?.[1];
  const parts = [name ? `Hi ${name},` : 'Hello,'];
  parts.push((REPLY_BODY[category] ?? REPLY_BODY.other)(orders));
  if (category === 'billing') {
    parts.push(
      /never promise a refund/i.test(instructions)
        ? 'A specialist will review the billing question and get back to you within two working days.'
        : "We'll refund the charge in full within five working days.",
    );
  }
  const limit = Number(/at most (\d+) words/i.exec(instructions)?.[1] ?? Infinity);
  if (!Number.isFinite(limit)) parts.push(RAMBLE);
  const signOff = /end with:\s*"([^"]+)"/i.exec(instructions)?.[1];
  let text = parts.join('\n\n');
  if (signOff) text += `\n\n${signOff}`;
  return text;
}

function summarize(instructions, conversation) {
  const keepNumbers = /order numbers/i.test(instructions) && /exactly|keep|verbatim/i.test(instructions);
  const scrub = (s) => (keepNumbers ? s : s.replace(ORDER_NUMBER, 'their order'));
  const turns = conversation
    .split('\n')
    .map((l) => /^\s*(customer|agent)\s*:\s*(.+)$/i.exec(l))
    .filter(Boolean)
    .map((m) => ({ who: m[1].toLowerCase(), text: m[2].trim().replace(/\s+/g, ' ') }));
  const customer = turns.filter((t) => t.who === 'customer');
  const agent = turns.filter((t) => t.who === 'agent');
  const wants = customer[0] ? `Customer wants: ${scrub(customer[0].text)}` : 'Customer wants: unclear.';
  const tried = agent.length
    ? `Tried so far: ${scrub(agent.map((t) => t.text).join(' '))}`
    : 'Tried so far: nothing yet.';
  const last = customer.length > 1 ? customer[customer.length - 1].text : '';
  const open = last ? `Still open: ${scrub(last)}` : 'Still open: waiting on the customer.';
  if (/three bullet/i.test(instructions)) return [wants, tried, open].map((s) => `- ${s}`).join('\n');
  return `${wants} ${tried} ${open}`;
}

/** Follow the prompt: which task it is is read from its instructions, as a model would. */
export function respond(prompt) {
  const { instructions, input } = splitPrompt(prompt);
  if (/\bclassify\b/i.test(instructions)) return classify(instructions, input);
  if (/\bsummari[sz]e\b/i.test(instructions)) return summarize(instructions, input);
  if (/\breply\b/i.test(instructions)) return reply(instructions, input, prompt);
  return "I'm not sure what you'd like me to do with this.";
}

const tokens = (text) => Math.max(1, Math.ceil(text.length / 4));

export default class SupportModel {
  constructor({ id, config } = {}) {
    this.id = id ?? 'support-model';
    this.inputPrice = Number(config?.inputPricePerMTok ?? 0.15) / 1e6;
    this.outputPrice = Number(config?.outputPricePerMTok ?? 0.6) / 1e6;
  }

  async callApi(prompt) {
    const text = typeof prompt === 'string' ? prompt : JSON.stringify(prompt);
    const output = respond(text);
    const usage = { prompt: tokens(text), completion: tokens(output) };
    // A model takes time to write: a fixed 20 ms plus 1 ms per output token, so the report's latency row
    // means something. Short enough that the whole demo still runs in about a second.
    await new Promise((resolve) => setTimeout(resolve, 20 + usage.completion));
    return {
      output,
      tokenUsage: { ...usage, total: usage.prompt + usage.completion },
      cost: usage.prompt * this.inputPrice + usage.completion * this.outputPrice,
    };
  }
}
