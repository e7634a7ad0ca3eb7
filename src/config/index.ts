// Configuration: environment variables validated with zod into one typed Config, with one clear
// message naming each missing or malformed variable (see config.ts for the rules). It reads the
// environment only: it must not import adapters, storage, the scheduler or platform libraries.
export {
  type Config,
  ConfigError,
  type DiscordConfig,
  ENV_DOC,
  ENV_VARIABLES,
  envExample,
  LOG_LEVELS,
  type LogLevel,
  loadConfig,
  type ScheduleConfig,
  type SlackConfig,
} from "./config.ts";
