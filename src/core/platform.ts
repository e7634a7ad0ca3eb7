// The chat platforms newsbot speaks on, named once: the commands, the scheduler, the stores and the
// configuration all use this one list, so a value the database holds is a platform the code knows.

export const PLATFORMS = ["console", "slack", "discord"] as const;

export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}
