import { parse } from 'yaml';
import {
  applyOwnership,
  ownershipFromAnnotations,
  ownershipYaml,
} from './ownership';

describe('ownership fields', () => {
  it('reads, applies and removes fields on annotations', () => {
    const annotations = {
      'readiness/incident-owner': 'group:sre',
      'other/x': '1',
      'readiness/runbook': ' ',
    };
    expect(ownershipFromAnnotations(annotations)).toEqual({
      incident: 'group:sre',
    });
    expect(
      applyOwnership(annotations, {
        technical: 'group:payments',
        channel: 'slack:#p',
      }),
    ).toEqual({
      'other/x': '1',
      'readiness/technical-owner': 'group:payments',
      'readiness/communication-channel': 'slack:#p',
    });
  });

  it('writes the annotation block as YAML that parses back', () => {
    const roles = {
      incident: 'group:default/sre-oncall',
      channel: 'slack:#payments-incidents',
      runbook: 'https://r/x',
    };
    const yaml = ownershipYaml(roles);
    expect(yaml).toContain(
      'readiness/communication-channel: "slack:#payments-incidents"',
    );
    expect(ownershipFromAnnotations(parse(yaml).metadata.annotations)).toEqual(
      roles,
    );
  });
});
