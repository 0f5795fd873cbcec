import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';

describe('openapi.generated.ts', () => {
  it('is up to date with openapi.yaml (run `yarn generate:openapi` in readiness-backend)', () => {
    const { render } = require(resolvePackagePath(
      '@readiness/backstage-plugin-readiness-backend',
      'scripts/generate-openapi.js',
    ));
    const dir = resolvePackagePath(
      '@readiness/backstage-plugin-readiness-backend',
      'src/schema',
    );
    const yaml = fs.readFileSync(path.join(dir, 'openapi.yaml'), 'utf8');
    expect(
      fs.readFileSync(path.join(dir, 'openapi.generated.ts'), 'utf8'),
    ).toBe(render(yaml));
  });
});
