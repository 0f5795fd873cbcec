import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { CHECK_TYPES, ScorecardSpec, scorecardSchema } from './schema';
import { formatPath, ScorecardIssue, ScorecardValidationError } from './errors';

function valueAt(doc: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: any = doc;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[key as any];
  }
  return v;
}

/** The id of the check a path points into, read from the raw document. */
function checkIdAt(
  doc: unknown,
  path: ReadonlyArray<PropertyKey>,
): string | undefined {
  const i = path.indexOf('checks');
  if (
    path[0] !== 'spec' ||
    path[1] !== 'areas' ||
    i !== 3 ||
    typeof path[4] !== 'number'
  ) {
    return undefined;
  }
  const id = valueAt(doc, path.slice(0, 5).concat('id'));
  return typeof id === 'string' ? id : undefined;
}

function messageFor(issue: z.core.$ZodIssue, doc: unknown): string {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map(v => String(v)).join(', ')}`;
    case 'invalid_union': {
      const key = (issue as any).discriminator as string | undefined;
      const at =
        key && issue.path[issue.path.length - 1] !== key
          ? [...issue.path, key]
          : issue.path;
      if (key === 'type') {
        const found = valueAt(doc, at);
        return found === undefined
          ? `missing check type; expected one of ${CHECK_TYPES.join(', ')}`
          : `unknown check type ${JSON.stringify(
              found,
            )}; expected one of ${CHECK_TYPES.join(', ')}`;
      }
      if (key) {
        return `unknown ${key} ${JSON.stringify(valueAt(doc, at))}`;
      }
      return 'expected a predicate: {path, op, …}, {all: […]}, {any: […]} or {not: …}';
    }
    case 'unrecognized_keys':
      return `unknown field${
        issue.keys.length > 1 ? 's' : ''
      } ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return valueAt(doc, issue.path) === undefined
        ? `required (expected ${issue.expected})`
        : `expected ${issue.expected}`;
    default:
      return issue.message;
  }
}

/** The deepest, most specific issues of a union, instead of "invalid input". */
function flatten(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  doc: unknown,
): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A predicate union: pick the alternative matching the keys the author wrote.
      const raw = valueAt(doc, issue.path);
      const keys = raw && typeof raw === 'object' ? Object.keys(raw) : [];
      const pick = ['all', 'any', 'not'].find(k => keys.includes(k));
      const index = pick
        ? ['all', 'any', 'not'].indexOf(pick)
        : issue.errors.length - 1;
      const chosen = issue.errors[Math.min(index, issue.errors.length - 1)];
      out.push(
        ...flatten(
          chosen.map(
            e =>
              ({ ...e, path: [...issue.path, ...e.path] } as z.core.$ZodIssue),
          ),
          doc,
        ),
      );
    } else {
      out.push(issue);
    }
  }
  return out;
}

/** Checks that need the whole document: unique ids, levels and go-live questions that name checks. */
function crossCheck(spec: ScorecardSpec): ScorecardIssue[] {
  const issues: ScorecardIssue[] = [];
  const seenChecks = new Map<string, string>();
  const seenAreas = new Map<string, string>();
  spec.spec.areas.forEach((area, a) => {
    const areaPath = `spec.areas[${a}]`;
    const prevArea = seenAreas.get(area.id);
    if (prevArea) {
      issues.push({
        path: `${areaPath}.id`,
        message: `duplicate area id "${area.id}" (also at ${prevArea})`,
      });
    } else seenAreas.set(area.id, areaPath);
    area.checks.forEach((check, c) => {
      const path = `${areaPath}.checks[${c}]`;
      const prev = seenChecks.get(check.id);
      if (prev) {
        issues.push({
          path: `${path}.id`,
          checkId: check.id,
          message: `duplicate check id "${check.id}" (also at ${prev})`,
        });
      } else seenChecks.set(check.id, path);
    });
  });
  const seenLevels = new Set<string>();
  spec.spec.levels?.forEach((level, l) => {
    if (seenLevels.has(level.id)) {
      issues.push({
        path: `spec.levels[${l}].id`,
        message: `duplicate level id "${level.id}"`,
      });
    }
    seenLevels.add(level.id);
    level.checks.forEach((checkId, c) => {
      if (!seenChecks.has(checkId)) {
        issues.push({
          path: `spec.levels[${l}].checks[${c}]`,
          message: `level "${level.id}" names check "${checkId}", which is not in this scorecard`,
        });
      }
    });
  });
  const seenQuestions = new Set<string>();
  spec.spec.goLive?.questions?.forEach((q, i) => {
    if (seenQuestions.has(q.id))
      issues.push({
        path: `spec.goLive.questions[${i}].id`,
        message: `duplicate question id "${q.id}"`,
      });
    seenQuestions.add(q.id);
    q.checks.forEach((checkId, c) => {
      if (!seenChecks.has(checkId))
        issues.push({
          path: `spec.goLive.questions[${i}].checks[${c}]`,
          message: `question "${q.id}" is answered by check "${checkId}", which is not in this scorecard`,
        });
    });
  });
  return issues;
}

/**
 * Validates a scorecard document (already parsed from YAML or JSON) and
 * applies defaults. Throws {@link ScorecardValidationError} listing every
 * problem with its field path and check id.
 *
 * @public
 */
export function parseScorecard(
  doc: unknown,
  source = 'scorecard',
): ScorecardSpec {
  const result = scorecardSchema.safeParse(doc);
  if (!result.success) {
    const issues = flatten(result.error.issues, doc).map(issue => ({
      path: formatPath(issue.path),
      checkId: checkIdAt(doc, issue.path),
      message: messageFor(issue, doc),
    }));
    throw new ScorecardValidationError(source, dedupe(issues));
  }
  const issues = crossCheck(result.data);
  if (issues.length > 0) throw new ScorecardValidationError(source, issues);
  return result.data;
}

function dedupe(issues: ScorecardIssue[]): ScorecardIssue[] {
  const seen = new Set<string>();
  return issues.filter(i => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Parses the scorecards in a YAML text (one or more documents separated by
 * `---`). `source` names the file in error messages.
 *
 * @public
 */
export function parseScorecardYaml(
  text: string,
  source = 'scorecard.yaml',
): ScorecardSpec[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: ScorecardSpec[] = [];
  list.forEach((doc, i) => {
    const where = list.length > 1 ? `${source} (document ${i + 1})` : source;
    if (doc.errors.length > 0) {
      throw new ScorecardValidationError(
        where,
        doc.errors.map(e => ({
          path: '',
          message: `YAML: ${e.message.split('\n')[0]}`,
        })),
      );
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (e) {
      // An alias to an anchor that is not there, an alias cycle, …
      throw new ScorecardValidationError(where, [
        { path: '', message: `YAML: ${(e as Error).message}` },
      ]);
    }
    if (value === null || value === undefined) return;
    out.push(parseScorecard(value, where));
  });
  return out;
}
