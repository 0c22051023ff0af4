// Tests must never read a developer's ./.env or print secrets: keep the environment explicit.
process.env.LOG_LEVEL ??= 'silent';
