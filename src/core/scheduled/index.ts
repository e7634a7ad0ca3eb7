// What a scheduled post contains: the period a digest covers, the digest or briefing itself, and the
// one-line "nothing new". Both the commands and the scheduler read it from here, so the core alone
// decides it; like the rest of the core it imports no platform, scheduler, storage or command.
export {
  type DigestWindowOptions,
  digestWindow,
  type ScheduledContent,
  type ScheduledDigestOptions,
  scheduledBrief,
  scheduledDigest,
} from "./scheduled-post.ts";
