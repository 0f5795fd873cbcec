import { Command } from 'commander';
import {
  ANNOTATION_GO_LIVE_DATE,
  DEFAULT_SIGNOFF_ROLES,
  entityKey,
  goLiveDecision,
  goLivePhase,
  GoLiveResponse,
  ownershipFromAnnotations,
  parseGoLiveDate,
  phaseChecklists,
  renderGoLiveReport,
  signoffProgress,
} from '@readiness/backstage-plugin-readiness-common';
import { evaluateFiles, EvaluateOptions } from '../lib/evaluate';

/** Options of `readiness report`. */
export interface ReportOptions extends EvaluateOptions {
  entity: string;
}

/**
 * Writes the go-live note of one entity from files. Sign-offs, daily checks
 * and the closure review live in the Readiness backend, so a report from
 * files lists every role as not signed; the backend's
 * `GET /entities/{kind}/{namespace}/{name}/report` has them.
 */
export function runReport(
  files: string[],
  options: ReportOptions,
): { stdout: string; stderr: string; exitCode: number } {
  const { results, entities, warnings, now, scorecards } = evaluateFiles(
    files,
    options,
  );
  const wanted = options.entity.includes(':')
    ? options.entity.toLocaleLowerCase('en-US')
    : undefined;
  let matches = entities.filter(e =>
    wanted
      ? entityKey(e) === wanted ||
        entityKey(e) === wanted.replace(/^([^:]+):(?![^/]*\/)/, '$1:default/')
      : e.metadata.name === options.entity,
  );
  if (matches.length > 1) {
    // A name shared by kinds (the payments-api component and API): the scored one.
    const scored = matches.filter(e =>
      results.some(r => r.entityRef === entityKey(e)),
    );
    if (scored.length === 1) matches = scored;
  }
  if (matches.length !== 1) {
    return {
      stdout: '',
      stderr: `${[
        ...warnings,
        matches.length === 0
          ? `--entity: no entity "${options.entity}" in the files`
          : `--entity: "${options.entity}" names ${matches.length} entities; use kind:namespace/name`,
      ].join('\n')}\n`,
      exitCode: 2,
    };
  }
  const entity = matches[0];
  const ref = entityKey(entity);
  const result = results.find(r => r.entityRef === ref);
  const date = entity.metadata.annotations?.[ANNOTATION_GO_LIVE_DATE];
  const valid = parseGoLiveDate(date) !== undefined;
  const card = scorecards.find(c => c.name === result?.scorecard);
  // Files carry no sign-offs: at best the note says "awaiting sign-off".
  const signoff = signoffProgress(
    card?.signoffRoles ?? DEFAULT_SIGNOFF_ROLES,
    [],
    result?.status,
    { goLiveDate: valid ? date : undefined },
  );
  const goLive: GoLiveResponse = {
    entityRef: ref,
    ...(valid ? { goLiveDate: date } : {}),
    ...(date && !valid ? { invalidGoLiveDate: date } : {}),
    phase: goLivePhase(valid ? date : undefined, now),
    status: result?.status,
    scorecard: result?.scorecard,
    signoff,
    // Ticks live in the backend: from files every item is open.
    checklists: phaseChecklists(
      card?.goLivePhases ?? [],
      valid ? date : undefined,
      [],
    ),
    decision: goLiveDecision(
      result,
      {
        complete: signoff.complete,
        signed: 0,
        total: signoff.roles.length,
      },
      card?.launchRequires,
    ),
    // The first week's records live in the backend: files have none to show.
    firstWeek: [],
    missedDailyChecks: 0,
    lateDailyChecks: 0,
    canSign: false,
    canRecord: false,
    dailyChecks: [],
    riskyActions: [],
    closureReviewDue: false,
  };
  const stdout = renderGoLiveReport({
    entityRef: ref,
    title: entity.metadata.title,
    result,
    owners: {
      owner: (entity.spec as { owner?: string } | undefined)?.owner,
      ...ownershipFromAnnotations(entity.metadata.annotations),
    },
    goLive,
    now,
    questions: card?.goLiveQuestions,
  });
  return {
    stdout,
    stderr: warnings.map(w => `${w}\n`).join(''),
    exitCode: 0,
  };
}

/** `readiness report <files…> --entity <name> --scorecard <file>` */
export function registerReport(
  program: Command,
  out: (s: string) => void,
  err: (s: string) => void,
) {
  program
    .command('report')
    .description(
      'Write the go-live note of one entity (Markdown): decision, owners, the six questions, open checks, evidence',
    )
    .argument('<files...>', 'catalog-info.yaml files (Locations are followed)')
    .requiredOption(
      '-e, --entity <name>',
      'the entity: its name, or kind:namespace/name',
    )
    .requiredOption(
      '-s, --scorecard <file>',
      'scorecard YAML file (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('-c, --catalog <dir>', 'folder with the users and groups')
    .option('-f, --facts <file>', 'evidence JSON')
    .option('--now <time>', 'as of this ISO 8601 time (default: now)')
    .action((files: string[], opts: ReportOptions) => {
      const result = runReport(files, opts);
      if (result.stderr) err(result.stderr);
      out(result.stdout);
      if (result.exitCode !== 0) process.exitCode = result.exitCode;
    });
}
