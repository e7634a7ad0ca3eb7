// Conversations in a thread: a follow-up question ("et en 2019 ?", "qui l'a remplacé ?", "and
// Ito Naoki?") read against the previous turn of the same thread — its question, the name it was
// about and the answer's name — and rewritten into a question that stands alone, which the answer
// pipeline then answers like any other (and the reply shows, so the reader sees what was asked).
// Pure text: it must not import storage, adapters, commands or any platform library.
export { type FollowUp, namesIn, type PreviousTurn, resolveFollowUp } from "./follow-up.ts";
