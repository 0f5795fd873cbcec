import {
  compileScorecard,
  parseScorecardYaml,
} from '@readiness/backstage-plugin-readiness-common';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** What the editor says of its YAML: the scorecards it holds, or what is wrong. */
export type YamlCheck =
  | { state: 'empty' }
  | { state: 'valid'; names: string[] }
  | { state: 'invalid'; message: string };

/** Parses the whole text: the same validation the backend runs. */
export function checkYaml(yaml: string): YamlCheck {
  if (!yaml.trim()) return { state: 'empty' };
  try {
    const names = parseScorecardYaml(yaml, 'the YAML').map(
      spec => compileScorecard(spec).name,
    );
    return names.length
      ? { state: 'valid', names }
      : { state: 'invalid', message: 'The YAML holds no scorecard.' };
  } catch (e) {
    return { state: 'invalid', message: (e as Error).message };
  }
}

/**
 * The YAML checked as it is typed, a moment after the last key (parsing a
 * scorecard takes a few milliseconds; not on every key).
 */
export function useYamlCheck(yaml: string, delayMs = 300): YamlCheck {
  const [check, setCheck] = useState<YamlCheck>(() => checkYaml(yaml));
  useDebounce(() => setCheck(checkYaml(yaml)), delayMs, [yaml]);
  return check;
}
