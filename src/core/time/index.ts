// Calendar time for schedules and periods: time-zone names, local days and times, day arithmetic,
// and the days/time of a schedule as typed. Pure functions over Intl; like the rest of the core it
// imports nothing platform-specific (no scheduler, no cron, no storage).
export { DAY_NAMES, formatDays, parseDays, parseTime } from "./schedule-days.ts";
export { addDays, canonicalTimeZone, type LocalMoment, localMoment } from "./zone.ts";
