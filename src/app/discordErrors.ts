/** One line saying why logging in to Discord failed, and what to check. */
export function describeLoginError(error: unknown, apiUrl: string | undefined): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const where = apiUrl ?? 'https://discord.com/api';
  if (code === 'TokenInvalid' || /invalid token|401|Authentication failed/i.test(message))
    return 'Discord rejected DISCORD_TOKEN (check the bot token in the developer portal; reset it if it leaked)';
  if (code === 'DisallowedIntents' || /disallowed intent/i.test(message))
    return 'Discord refused the gateway intents: enable Message Content in the developer portal (Bot → Privileged Gateway Intents) or set BRIEFING_READ_MESSAGES=false';
  const reason = cause !== undefined ? `${message}: ${cause.message}` : message;
  return `cannot reach Discord at ${where}: ${reason}`;
}
