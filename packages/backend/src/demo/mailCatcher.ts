import {
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Where the demo keeps the e-mails it catches, one `.eml` file each. */
export const DEMO_MAIL_DIR = 'data/mail';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * Starts an SMTP server on loopback that accepts every message, logs who it
 * was for and its subject, and writes it to `dir` (newest last by name).
 * Returns the port it listens on (`port` 0 picks one) and how to stop it.
 */
export async function startMailCatcher(options: {
  host: string;
  port: number;
  dir: string;
  logger: LoggerService;
}): Promise<{ port: number; stop: () => Promise<void> }> {
  const { host, port, dir, logger } = options;
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onConnect(session, callback) {
      callback(
        /^(127\.|::1$|::ffff:127\.)/.test(session.remoteAddress)
          ? undefined
          : new Error('loopback only'),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', c => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map(r => r.address).join(', ');
        const name = `${new Date()
          .toISOString()
          .replace(/[:.]/g, '-')}-${n++}.eml`;
        try {
          fs.writeFileSync(path.join(dir, name), raw);
          const { subject } = await simpleParser(raw);
          logger.info(
            `Readiness demo: e-mail to ${to}: ${subject} (${dir}/${name})`,
          );
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise(resolve => server.close(() => resolve())),
  };
}

/**
 * Demo only: catches the e-mail of Backstage's notification e-mail module
 * (the weekly digest, and every other notification) on the loopback SMTP
 * port `notifications.processors.email.transportConfig` names, so the demo
 * sends real SMTP without a mail server. Nothing is started when the
 * transport is not SMTP on loopback.
 */
export const demoMailCatcherModule = createBackendModule({
  pluginId: 'readiness',
  moduleId: 'demo-mail',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ config, logger, lifecycle }) {
        const t = config.getOptionalConfig(
          'notifications.processors.email.transportConfig',
        );
        const host = t?.getOptionalString('hostname');
        if (
          t?.getOptionalString('transport') !== 'smtp' ||
          !host ||
          !LOOPBACK.test(host)
        )
          return;
        const { stop } = await startMailCatcher({
          host,
          port: t.getNumber('port'),
          dir: DEMO_MAIL_DIR,
          logger,
        });
        lifecycle.addShutdownHook(stop);
      },
    });
  },
});
