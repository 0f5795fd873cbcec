/*
 * Demo only: the example services' health endpoints, and a seed step that sends
 * the example evidence through the real REST API. See README.md in this folder.
 */
import { demoMailCatcherModule } from './mailCatcher';
import { demoSeedModule } from './seed';
import { demoSignInModule } from './signIn';
import { demoTargetsModule } from './targets';

/** The demo modules, for a backend started with the evidence file `evidenceFile`. */
export function demoModules(evidenceFile: string) {
  return [
    demoTargetsModule({ evidenceFile }),
    demoSignInModule,
    demoSeedModule({ evidenceFile }),
    demoMailCatcherModule,
  ];
}
