import { isMap, isSeq, parseAllDocuments, YAMLMap } from 'yaml';

/** What "make it standing" does to one goal check. */
export interface StandingCheck {
  id: string;
  /** `enforce`: its `enforceFrom` moves to the day given; `already`: it counts today. */
  change: 'enforce' | 'already';
  /** Its `enforceFrom` in the file, when it has one. */
  enforceFrom?: string;
}

/**
 * The scorecard file with the goal's checks enforced from `day`: a check
 * whose `enforceFrom` is later gets `day`; a check without one already
 * counts and is left as it is. Comments and layout are kept, so the result
 * is the YAML change to commit. Checks the scorecard named `scorecard` does
 * not hold in this file are left out of `checks`.
 */
export function standingYaml(
  text: string,
  scorecard: string,
  checkIds: string[],
  day: string,
): { yaml: string; checks: StandingCheck[] } {
  const docs = parseAllDocuments(text);
  const checks: StandingCheck[] = [];
  for (const doc of docs) {
    if ('errors' in doc && doc.errors.length)
      throw new Error(`the scorecard file does not parse: ${doc.errors[0]}`);
    if (doc.getIn(['metadata', 'name']) !== scorecard) continue;
    const areas = doc.getIn(['spec', 'areas']);
    if (!isSeq(areas)) continue;
    for (const area of areas.items) {
      const list = isMap(area) ? area.get('checks') : undefined;
      if (!isSeq(list)) continue;
      for (const check of list.items) {
        if (!isMap(check)) continue;
        const id = String(check.get('id'));
        if (!checkIds.includes(id)) continue;
        const current = (check as YAMLMap).get('enforceFrom');
        const from = current === undefined ? undefined : String(current);
        if (from === undefined || from <= day) {
          checks.push({
            id,
            change: 'already',
            ...(from ? { enforceFrom: from } : {}),
          });
          continue;
        }
        check.set('enforceFrom', day);
        checks.push({ id, change: 'enforce', enforceFrom: from });
      }
    }
  }
  return {
    yaml: docs.map(d => d.toString()).join(''),
    checks: checkIds.flatMap(id => checks.filter(c => c.id === id)),
  };
}
