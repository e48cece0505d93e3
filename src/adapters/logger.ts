import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Interaction and webhook tokens travel in URLs; Discord errors repeat those URLs. */
const URL_TOKENS = [
  [/(interactions\/\d+\/)[^/\s?]+/g, '$1[redacted]'],
  [/(webhooks\/\d+\/)[^/\s?]+/g, '$1[redacted]'],
  // A token is three parts joined by dots: "Bot missing…" in a message is no header.
  [/(Bot\s+)[\w-]+\.[\w-]+\.[\w-]+/g, '$1[redacted]'],
] as const;

/** Removes secrets from a text: interaction and webhook tokens, and each of `secrets`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of URL_TOKENS) out = out.replace(pattern, replacement);
  return out;
}

function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)]));
  }
  return value;
}

/**
 * JSON logs (pino). Errors are serialised with their cause and then scrubbed of tokens, so that a
 * DiscordAPIError's URL or request body never puts a secret in the log.
 */
export function createLogger(
  options: { level: string; secrets?: readonly string[] },
  destination?: DestinationStream,
): Logger {
  const secrets = options.secrets ?? [];
  return pino(
    {
      level: options.level,
      base: null,
      redact: { paths: ['token', '*.token', 'headers.authorization'], censor: '[redacted]' },
      serializers: { err: (error: Error) => redactDeep(stdSerializers.err(error), secrets) },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redact(arg, secrets) : arg)) as typeof args,
          );
        },
      },
    },
    destination,
  );
}
