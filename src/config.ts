// The configuration: one TypeBox schema, read from the environment once at boot. The README's
// configuration table lists exactly these variables.
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port of the HTTP server' }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Address to listen on (0.0.0.0 for every interface)' }),
  DATABASE_URL: Type.Optional(
    Type.String({ description: 'PostgreSQL connection string; when unset, the embedded SQLite file is used' }),
  ),
  RAPPORT_DATA_DIR: Type.String({ default: './data', description: 'Folder of the SQLite file rapport.db' }),
  RAPPORT_API_KEY: Type.Optional(
    Type.String({
      minLength: 16,
      maxLength: 256,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'Seed this exact API key into the default workspace at start-up (scripts, CI)',
    }),
  ),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
    description: 'pino log level',
  }),
  RAPPORT_BODY_LIMIT: Type.Integer({ minimum: 1024, default: 1048576, description: 'Largest request body in bytes' }),
  RAPPORT_REQUEST_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    default: 30000,
    description: 'A request that takes longer is answered 503 and its transaction rolled back (0: no limit)',
  }),
  RAPPORT_DB_POOL_SIZE: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 10,
    description: 'PostgreSQL connections per process',
  }),
  RAPPORT_RATE_LIMIT: Type.Integer({
    minimum: 0,
    default: 6000,
    description: 'Requests per API key per window, counted in each process (0 turns rate limiting off)',
  }),
  RAPPORT_RATE_LIMIT_WINDOW_S: Type.Integer({
    minimum: 1,
    default: 60,
    description: 'Length of the rate-limit window in seconds',
  }),
  RAPPORT_DEFAULT_COUNTRY_CODE: Type.String({
    pattern: '^[0-9]{1,3}$',
    default: '82',
    description: 'Country calling code assumed for phone numbers written without one (82: Korea, as in Relate)',
  }),
})

export type Config = Static<typeof ConfigSchema>

/** Numeric variables arrive as strings; everything else is taken as given. */
const NUMERIC = new Set([
  'PORT',
  'RAPPORT_BODY_LIMIT',
  'RAPPORT_REQUEST_TIMEOUT_MS',
  'RAPPORT_DB_POOL_SIZE',
  'RAPPORT_RATE_LIMIT',
  'RAPPORT_RATE_LIMIT_WINDOW_S',
])

export class ConfigError extends Error {}

/**
 * Reads and checks the configuration from `env` (default: process.env). Empty variables count as unset.
 * Throws a ConfigError naming every bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key]
    if (value === undefined || value === '') continue
    raw[key] = NUMERIC.has(key) && /^-?\d+$/.test(value) ? Number(value) : value
  }
  const withDefaults = Value.Default(ConfigSchema, raw)
  if (!Value.Check(ConfigSchema, withDefaults)) {
    const problems = [...Value.Errors(ConfigSchema, withDefaults)].map(
      (e) => `${e.instancePath.replace(/^\//, '') || '(config)'} ${e.message}`,
    )
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
  }
  return withDefaults
}
