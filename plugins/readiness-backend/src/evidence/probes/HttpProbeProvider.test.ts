import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { readTrustedCas } from './HttpProbeProvider';

describe('readTrustedCas', () => {
  it('keeps Node defaults when no file is configured', async () => {
    expect(await readTrustedCas([])).toBeUndefined();
  });

  it('adds the files, relative to the root directory, to Node’s list', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readiness-ca-'));
    fs.writeFileSync(path.join(dir, 'ca.pem'), 'PEM');
    const cas = await readTrustedCas(['ca.pem'], dir);
    expect(cas).toHaveLength(rootCertificates.length + 1);
    expect(cas?.at(-1)).toBe('PEM');
  });

  it('names the setting when a file cannot be read', async () => {
    await expect(readTrustedCas(['missing.pem'], '/nowhere')).rejects.toThrow(
      'readiness.probes.caFile: cannot read /nowhere/missing.pem',
    );
  });
});
