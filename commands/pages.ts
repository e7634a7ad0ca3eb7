// A list of results cut into pages: the first is the reply, the others ride along in `more`
// (kept server-side by the dispatcher, shown one at a time by the "more results" button or
// `/news more`). Each page says which results it holds.
import type { Locale } from "../src/core/i18n/messages.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { commandMessages } from "./messages.ts";

/** At most this many pages are computed for one list (the rest is never shown). */
export const MAX_PAGES = 5;

/** `canPage`: whether the further pages can be kept; if not, the first page alone, as before paging. */
export function paged<T>(
  items: readonly T[],
  size: number,
  render: (slice: readonly T[], offset: number) => Reply,
  locale: Locale,
  canPage = true,
): Reply {
  if (items.length <= size || !canPage) return render(items.slice(0, size), 0);
  const t = commandMessages(locale);
  const count = Math.ceil(items.length / size);
  const pages: Reply[] = [];
  for (let p = 0; p < count; p++) {
    const slice = items.slice(p * size, (p + 1) * size);
    const page = render(slice, p * size);
    const line = t.pageOf(p + 1, count, p * size + 1, p * size + slice.length, items.length);
    pages.push({ ...page, blocks: [...page.blocks, { type: "context", text: line }] });
  }
  const [first, ...rest] = pages as [Reply, ...Reply[]];
  return { ...first, more: rest };
}
