// The configuration: one TypeBox schema, read from the environment once at boot. The README's
// configuration table lists exactly these variables.
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

/** A duration: a number and a unit (`500ms`, `1.5s`, `5m`, `2h`, `30d`). */
const DURATION = '[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)'

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port of the HTTP server' }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Address to listen on (0.0.0.0 for every interface)' }),
  DATABASE_URL: Type.Optional(
    Type.String({ description: 'PostgreSQL connection string; when unset, the embedded SQLite file is used' }),
  ),
  RAPPORT_DATA_DIR: Type.String({ default: './data', description: 'Folder of the SQLite file rapport.db' }),
  RAPPORT_API_KEY: Type.Optional(
    Type.String({
      minLength: 32,
      maxLength: 256,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'Seed this exact API key (32 to 256 printable characters) into the default workspace at start-up',
    }),
  ),
  RAPPORT_KEY_PEPPER: Type.Optional(
    Type.String({
      minLength: 32,
      maxLength: 1024,
      description:
        'A server secret (at least 32 characters) API keys are hashed under with HMAC-SHA-256; once set, keep it (see docs/decisions.md)',
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
  RAPPORT_AUTH_FAILURE_LIMIT: Type.Integer({
    minimum: 0,
    default: 60,
    description:
      'Failed authentications (401s) per client address per rate-limit window; past it the address gets 429s (0 turns it off; off too when RAPPORT_RATE_LIMIT is 0)',
  }),
  RAPPORT_TRUST_PROXY: Type.Optional(
    Type.String({
      pattern: '^(true|false|[0-9]+|[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*)$',
      description:
        'Behind a reverse proxy: which X-Forwarded-For hops name the client (true: all; a number: that many hops; or proxy addresses/CIDRs, comma-separated). Unset: the socket address is the client',
    }),
  ),
  RAPPORT_WEBHOOK_ALLOW_PRIVATE: Type.Enum(['0', '1'], {
    default: '0',
    description:
      '1: webhooks may point at loopback, private and link-local addresses (intranets, tests); 0 refuses them at create and at delivery',
  }),
  RAPPORT_WEBHOOK_DISPATCH: Type.Enum(['0', '1'], {
    default: '1',
    description: '1: this process delivers webhooks (and prunes old events); 0: it only serves the API',
  }),
  RAPPORT_WEBHOOK_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 600_000,
    default: 10_000,
    description: 'A delivery attempt without a complete answer after this long fails',
  }),
  RAPPORT_WEBHOOK_RETRY_SCHEDULE: Type.String({
    pattern: `^${DURATION}(,${DURATION}){0,49}$`,
    default: '1m,5m,30m,2h,5h,10h,24h,30h',
    description: 'Waits before each retry of a failed delivery, comma-separated (each drawn within ±20%)',
  }),
  RAPPORT_WEBHOOK_FAILURE_RUN: Type.Integer({
    minimum: 1,
    default: 100,
    description: 'A subscription is disabled after this many failed attempts in a row ...',
  }),
  RAPPORT_WEBHOOK_FAILURE_RUN_SPAN: Type.String({
    pattern: `^${DURATION}$`,
    default: '24h',
    description: '... once the first of them is at least this old',
  }),
  RAPPORT_WEBHOOK_RETENTION: Type.String({
    pattern: `^${DURATION}$`,
    default: '30d',
    description: 'Webhook events and their deliveries are deleted after this long',
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
  'RAPPORT_AUTH_FAILURE_LIMIT',
  'RAPPORT_WEBHOOK_TIMEOUT_MS',
  'RAPPORT_WEBHOOK_FAILURE_RUN',
])

export class ConfigError extends Error {}

/**
 * Fastify's `trustProxy` from RAPPORT_TRUST_PROXY: false when unset, so the client address (which the
 * failed-authentication limit counts by) is the socket's and X-Forwarded-For cannot forge it.
 */
export function trustProxy(config: Config): boolean | string | ((address: string, hop: number) => boolean) {
  const value = config.RAPPORT_TRUST_PROXY
  if (value === undefined || value === 'false') return false
  if (value === 'true') return true
  if (!/^[0-9]+$/.test(value)) return value
  const hops = Number(value)
  return (_address, hop) => hop < hops
}

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
