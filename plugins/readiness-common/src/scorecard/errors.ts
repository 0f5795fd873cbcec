/**
 * One problem found in a scorecard document.
 *
 * @public
 */
export interface ScorecardIssue {
  /** Field path from the document root, for example `spec.areas[2].checks[4].with.role`. */
  path: string;
  /** The id of the check the field belongs to, where there is one. */
  checkId?: string;
  message: string;
}

/**
 * Thrown when a scorecard document is invalid. Its message lists every issue
 * with the file, the check id and the field path.
 *
 * @public
 */
export class ScorecardValidationError extends Error {
  readonly name = 'ScorecardValidationError';

  constructor(readonly source: string, readonly issues: ScorecardIssue[]) {
    super(
      `Invalid scorecard ${source}:\n${issues
        .map(i => `  - ${formatIssue(i)}`)
        .join('\n')}`,
    );
  }
}

/** `spec.areas[0].checks[1].with.role (check "incident-owner"): expected …` */
export function formatIssue(issue: ScorecardIssue): string {
  const where = issue.path || '(document)';
  const check = issue.checkId ? ` (check "${issue.checkId}")` : '';
  return `${where}${check}: ${issue.message}`;
}

/** Formats a path of keys and indexes as `a.b[2].c`, quoting unusual keys. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(key)))
      out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
