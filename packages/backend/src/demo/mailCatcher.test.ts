import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { startMailCatcher } from './mailCatcher';

describe('the demo mail catcher', () => {
  it('takes a real SMTP delivery on loopback, keeps it as a file and logs who it was for', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-mail-'));
    const logger = mockServices.logger.mock();
    const { port, stop } = await startMailCatcher({
      host: '127.0.0.1',
      port: 0,
      dir,
      logger,
    });
    try {
      await nodemailer
        .createTransport({ host: '127.0.0.1', port, secure: false })
        .sendMail({
          from: 'readiness@acme.example',
          to: 'guest@acme.example',
          subject: 'Readiness week of 2026-12-07 for payments: 1 blocked',
          text: 'Blocked (1)\n- ledger-service',
        });
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(fs.readFileSync(path.join(dir, files[0]), 'utf8')).toContain(
        'Blocked (1)',
      );
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Readiness demo: e-mail to guest@acme\.example: Readiness week of 2026-12-07 for payments: 1 blocked \(/,
        ),
      );
    } finally {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
