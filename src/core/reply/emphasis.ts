// Bold answer spans for the adapters: a quote's emphasis ranges turned into platform markup AFTER
// each piece is escaped, and cut into pieces that fit a platform's limit without a bold mark ever
// left open across two pieces. The markup itself comes from the adapter (`*…*` on Slack, `**…**` on
// Discord); this module stays platform-free.
import type { TextRange } from "../text/text-range.ts";

export interface EmphasisMarkup {
  /** Escapes plain text for the platform (mentions defused, markup neutralised). */
  readonly escape: (text: string) => string;
  readonly open: string;
  readonly close: string;
  /** Characters that would end the bold early inside it, replaced (Slack: `*` → `∗`). */
  readonly insideBold?: (text: string) => string;
  /** A last pass over each rendered piece (mentions a mark may have split). */
  readonly finish?: (rendered: string) => string;
}

/** Merged, clamped ranges as a per-character flag. */
function flags(length: number, ranges: readonly TextRange[]): Uint8Array {
  const em = new Uint8Array(length);
  for (const r of ranges) {
    if (!Number.isFinite(r.start) || !Number.isFinite(r.end)) continue;
    em.fill(1, Math.max(0, Math.floor(r.start)), Math.min(length, Math.ceil(r.end)));
  }
  return em;
}

/** `text[a, b)` rendered: plain runs escaped, bold runs escaped and wrapped (edge spaces outside, no line break inside). */
function renderRange(text: string, em: Uint8Array, a: number, b: number, m: EmphasisMarkup): string {
  let out = "";
  let i = a;
  while (i < b) {
    const bold = em[i] === 1;
    let j = i + 1;
    while (j < b && (em[j] === 1) === bold && !(bold && text.charAt(j) === "\n")) j++;
    const seg = text.slice(i, j);
    if (!bold) out += m.escape(seg);
    else {
      const core = seg.trim();
      const lead = seg.slice(0, seg.length - seg.trimStart().length);
      const tail = seg.slice(lead.length + core.length);
      out += core
        ? `${m.escape(lead)}${m.open}${m.escape(m.insideBold ? m.insideBold(core) : core)}${m.close}${m.escape(tail)}`
        : m.escape(seg);
    }
    i = j;
  }
  return m.finish ? m.finish(out) : out;
}

/**
 * `text` cut into rendered pieces of at most `max` characters, at spaces when possible, the
 * ranges in `emphasis` bold. Each piece's size is counted with its marks, so no piece overflows.
 */
export function chunkEmphasized(
  text: string,
  emphasis: readonly TextRange[],
  max: number,
  markup: EmphasisMarkup,
): string[] {
  const em = flags(text.length, emphasis);
  const marks = markup.open.length + markup.close.length;
  const out: string[] = [];
  let start = -1;
  let end = -1;
  let size = 0;
  const flush = () => {
    if (start >= 0) {
      let a = start;
      let b = end;
      while (a < b && /\s/.test(text.charAt(a))) a++;
      while (b > a && /\s/.test(text.charAt(b - 1))) b--;
      if (b > a) out.push(renderRange(text, em, a, b, markup));
    }
    start = -1;
    size = 0;
  };
  // A token alone, marks included (a bold run split over tokens is counted once per token: an
  // over-estimate that keeps every piece within `max`).
  const cost = (a: number, b: number) => renderRange(text, em, a, b, markup).length + (em[a] ? marks : 0);
  const TOKEN = /\S+\s*|\s+/g;
  for (let t = TOKEN.exec(text); t !== null; t = TOKEN.exec(text)) {
    const a = t.index;
    const b = a + t[0].length;
    const c = cost(a, b);
    if (start >= 0 && size + c <= max) {
      end = b;
      size += c;
      continue;
    }
    flush();
    if (c <= max) {
      start = a;
      end = b;
      size = c;
      continue;
    }
    // a word too long for one piece: cut it by characters
    for (let i = a; i < b; i++) {
      const ci = cost(i, i + 1) + marks;
      if (start >= 0 && size + ci > max) flush();
      if (start < 0) start = i;
      end = i + 1;
      size += ci;
    }
  }
  flush();
  return out;
}
