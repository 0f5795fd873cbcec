import { InputError } from '@backstage/errors';
import { tryEntityKey } from '@readiness/backstage-plugin-readiness-common';

/** Lower-cased values of a query list. */
export const lower = (v?: string[]) => v?.map(x => x.toLowerCase());

/**
 * Refs of one kind as stored: short forms (`checkout`, `system:checkout`,
 * `Checkout`) become `system:default/checkout`; an InputError names the field
 * for a value that is not a ref.
 */
export function refsOfKind(field: string, kind: string, values?: string[]) {
  return values?.map(v => {
    const key = tryEntityKey(v, { defaultKind: kind });
    if (!key) throw new InputError(`${field}: "${v}" is not an entity ref`);
    return key;
  });
}

/** The stored key of an entity ref; InputError naming the value when it is not one. */
export function refKey(entityRef: string): string {
  const key = tryEntityKey(entityRef);
  if (!key) {
    throw new InputError(
      `entityRef: "${entityRef}" is not an entity ref such as component:default/payments-api`,
    );
  }
  return key;
}
