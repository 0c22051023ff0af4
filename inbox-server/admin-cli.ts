/**
 * `npm run admin -- <command>`: operator commands on the database that DATABASE_URL/DATA_DIR name.
 * Errors are one clear line on stderr and exit code 1 (2 for usage errors); never a stack trace.
 */
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { createDb, type DbHandle } from '../db/client';
import { isAppError } from '../db/domain/errors';
import { createTenant, findTenantBySlug } from '../db/tenants';
import { createUser, roleSchema } from '../db/users';
import { parseConfig } from './config';

interface Command {
  summary: string;
  options: Record<string, { type: 'string'; required?: boolean; help: string }>;
  run(db: DbHandle, values: Record<string, string>): Promise<string>;
}

const commands: Record<string, Command> = {
  'tenant:create': {
    summary: 'Create a tenant (a client company); prints its id',
    options: { slug: { type: 'string', required: true, help: 'short name used in URLs, e.g. acme' }, name: { type: 'string', required: true, help: 'display name' } },
    async run(db, v) {
      const tenant = await createTenant(db.db, { slug: v.slug!, name: v.name! });
      return tenant.tenantId;
    },
  },
  'agent:create': {
    summary: 'Create a user in a tenant; prints its id',
    options: {
      tenant: { type: 'string', required: true, help: 'tenant slug' },
      email: { type: 'string', required: true, help: 'login e-mail' },
      password: { type: 'string', required: true, help: 'at least 8 characters' },
      role: { type: 'string', required: true, help: 'admin | supervisor | agent | viewer' },
      name: { type: 'string', help: 'display name' },
    },
    async run(db, v) {
      const tenant = await findTenantBySlug(db.db, v.tenant!);
      if (!tenant) throw new CliError(`No tenant "${v.tenant}". Create it with tenant:create first.`);
      const role = roleSchema.safeParse(v.role);
      if (!role.success) throw new CliError(`--role must be one of admin, supervisor, agent, viewer (got "${v.role}").`);
      const user = await createUser(db.db, { tenantId: tenant.tenantId, email: v.email!, password: v.password!, role: role.data, displayName: v.name });
      return user.id;
    },
  },
  'tenant:list': {
    summary: 'List tenants (slug, id, name)',
    options: {},
    async run(db) {
      const rows = await db.db.query.tenants.findMany({ orderBy: (t, { asc }) => [asc(t.slug)] });
      return rows.map((t) => `${t.slug}\t${t.tenantId}\t${t.name}`).join('\n');
    },
  },
};

class CliError extends Error {}

function usage(): string {
  const lines = ['Usage: npm run admin -- <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) {
    lines.push(`  ${name.padEnd(14)} ${c.summary}`);
    for (const [opt, o] of Object.entries(c.options)) lines.push(`      --${opt.padEnd(10)} ${o.help}${o.required ? ' (required)' : ''}`);
  }
  lines.push('', 'The database is the one DATABASE_URL / DATA_DIR name (the embedded one must not be in use by a running server).');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}". Run with --help to list them.\n`);
    return 2;
  }
  let values: Record<string, string>;
  try {
    const parsed = parseArgs({ args: rest, options: Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }])), strict: true });
    values = parsed.values as Record<string, string>;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const missing = Object.entries(command.options).filter(([k, o]) => o.required && !values[k]).map(([k]) => `--${k}`);
  if (missing.length) {
    process.stderr.write(`${name} needs ${missing.join(', ')}.\n`);
    return 2;
  }
  const config = parseConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`${config.message}\n`);
    return 1;
  }
  let db: DbHandle | undefined;
  try {
    db = await createDb(config.config.DATABASE_URL, { dataDir: config.config.DATA_DIR });
    await db.migrate();
    process.stdout.write(`${await command.run(db, values)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${describe(error)}\n`);
    return 1;
  } finally {
    await db?.close();
  }
}

function describe(error: unknown): string {
  if (error instanceof CliError || isAppError(error)) return error.message;
  if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
  return `Failed: ${error instanceof Error ? error.message : String(error)}`;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
