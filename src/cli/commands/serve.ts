import type { Command } from 'commander';
import { openStore, redact } from '../../store/open.js';
import { startServer } from '../../server/server.js';
import { DEFAULT_DB, UserError } from '../common.js';
import { briefHtml, briefMarkdown } from '../../views/brief.js';
import { overview } from '../../views/overview.js';
import { printJson, withCommon, withStore, type CommonOptions } from '../common.js';
import { writeFileSync } from 'node:fs';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API and the web app from one process')
    .option('--db <file|url>', 'SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <address>', 'address to bind (loopback by default)', '127.0.0.1')
    .option('--token <secret>', 'require this bearer token on every request (env TRIANGULATE_TOKEN); needed beyond loopback')
    .addHelpText('after', `
Examples:
  $ triangulate serve                                   http://127.0.0.1:8080/
  $ triangulate serve --host 0.0.0.0 --token s3cret     for a team; clients send "Authorization: Bearer s3cret"`)
    .action(async (opts: { db: string; port: string; host: string; token?: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port "${opts.port}" is not a port number`);
      const token = opts.token ?? process.env.TRIANGULATE_TOKEN;
      const store = await openStore(opts.db);
      let close: () => Promise<void> = async () => {};
      try {
        const server = await startServer(store, { host: opts.host, port, token });
        close = server.close;
        const { url } = server;
        process.stdout.write(`Triangulate is serving ${redact(opts.db)} at ${url}\nAPI description: ${url}api/openapi.json\nPress Ctrl+C to stop.\n`);
      } catch (e) {
        await store.close();
        throw new UserError((e as Error).message);
      }
      await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
      await close();
      await store.close();
    });

  withCommon(program
    .command('brief')
    .description('Write a one-page briefing: key figures with sources and independence, conflicts, timeline, voices, control')
    .option('--format <md|html>', 'output format', 'md')
    .option('--out <file>', 'write to a file instead of standard output'))
    .addHelpText('after', `
Examples:
  $ triangulate brief
  $ triangulate brief --format html --out brief.html`)
    .action(async (opts: CommonOptions & { format: string; out?: string }) => {
      if (!['md', 'html'].includes(opts.format)) throw new UserError(`--format "${opts.format}" is not md or html`);
      const data = await withStore(opts, overview);
      if (opts.json) return printJson(data);
      const text = opts.format === 'md' ? briefMarkdown(data) : briefHtml(data);
      if (opts.out) (writeFileSync(opts.out, text), process.stderr.write(`wrote ${opts.out}\n`));
      else process.stdout.write(text);
    });
}
