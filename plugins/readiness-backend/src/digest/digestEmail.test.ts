import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import emailModule from '@backstage/plugin-notifications-backend-module-email';
import { Entity } from '@backstage/catalog-model';
import { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startReadinessBackend } from '../__testUtils__/testBackend';
import { exampleEntities, readinessConfig } from '../__testUtils__/testUtils';
import { WEEKDAYS } from './digestSchedule';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** An SMTP server on loopback that keeps every message it receives, parsed. */
async function startSmtpServer() {
  const received: Array<ParsedMail & { envelopeTo: string[] }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // Only the test's own connections.
    onConnect(session, callback) {
      callback(
        /^(127\.|::1$|::ffff:127\.)/.test(session.remoteAddress)
          ? undefined
          : new Error('loopback only'),
      );
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(mail => {
          received.push({
            ...mail,
            envelopeTo: session.envelope.rcptTo.map(r => r.address),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/**
 * The catalog's processing gives each group a `hasMember` relation per
 * member; Backstage's notifications find a group's people through it. The
 * catalog mock does not process, so the test adds them.
 */
function withMemberRelations(entities: Entity[]): Entity[] {
  const members = new Map<string, string[]>();
  for (const e of entities) {
    if (e.kind !== 'User') continue;
    for (const g of (e.spec?.memberOf as string[]) ?? []) {
      const group = `group:default/${g}`;
      members.set(group, [
        ...(members.get(group) ?? []),
        `user:default/${e.metadata.name}`,
      ]);
    }
  }
  return entities.map(e =>
    e.kind === 'Group'
      ? {
          ...e,
          relations: (
            members.get(`group:default/${e.metadata.name}`) ?? []
          ).map(targetRef => ({ type: 'hasMember', targetRef })),
        }
      : e,
  );
}

describe('the weekly digest by e-mail', () => {
  it.each(databases.eachSupportedId())(
    "reaches the team's members through Backstage's notification e-mail module, over SMTP on loopback, on %p",
    async databaseId => {
      const smtp = await startSmtpServer();
      try {
        const scheduler = mockServices.scheduler() as any;
        const now = new Date();
        const config = readinessConfig() as any;
        config.readiness.digest = {
          enabled: true,
          // Due now whatever day the test runs on.
          weekday: WEEKDAYS[now.getUTCDay()],
          hour: 0,
        };
        config.app = { baseUrl: 'http://localhost:3000' };
        config.notifications = {
          processors: {
            email: {
              transportConfig: {
                transport: 'smtp',
                hostname: '127.0.0.1',
                port: smtp.port,
                secure: false,
              },
              sender: 'readiness@acme.example',
            },
          },
        };
        await startReadinessBackend({
          databases,
          databaseId,
          config,
          entities: withMemberRelations(exampleEntities()),
          scheduler,
          features: [notificationsPlugin, emailModule],
        });
        // The scan ran at start-up; it runs again now that results exist.
        await scheduler.triggerTask('readiness-notify');
        const digests = () =>
          smtp.received.filter(m =>
            /^Readiness week of /.test(m.subject ?? ''),
          );
        for (let i = 0; i < 100 && digests().length === 0; i++)
          await new Promise(r => setTimeout(r, 100));

        const payments = digests().filter(m =>
          m.subject!.includes(' for payments: '),
        );
        expect(payments.length).toBeGreaterThan(0);
        const mail = payments[0];
        expect(mail.from?.text).toContain('readiness@acme.example');
        // Sent to the team's members, at the addresses of their user entities.
        expect(mail.envelopeTo.every(a => a.endsWith('@acme.example'))).toBe(
          true,
        );
        expect(mail.subject).toMatch(
          /^Readiness week of \d{4}-\d{2}-\d{2} for payments: \d+ blocked/,
        );
        expect(mail.text).toMatch(
          /^Readiness scores \d+ entities group:default\/payments owns\./,
        );
        expect(mail.text).toContain('Blocked (');
        expect(mail.text).toMatch(/- loyalty-points \(production, \d+ %\)/);
        // The module appends the link: the team's page, with its Readiness card.
        expect(mail.text).toContain(
          'http://localhost:3000/catalog/default/group/payments',
        );
        if (process.env.READINESS_SHOW_DIGEST)
          console.log(mail.envelopeTo, mail.subject, mail.text);
      } finally {
        await smtp.close();
      }
    },
  );
});
