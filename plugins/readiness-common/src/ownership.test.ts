import { parse } from 'yaml';
import {
  applyOwnership,
  catalogOwnership,
  overlayOwnership,
  ownershipFromAnnotations,
  ownershipYaml,
} from './ownership';

describe('ownership fields', () => {
  it('reads fields, and applies an edit per field: absent keeps, empty removes', () => {
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
        runbook: '',
      }),
    ).toEqual({
      'readiness/incident-owner': 'group:sre',
      'other/x': '1',
      'readiness/technical-owner': 'group:payments',
      'readiness/communication-channel': 'slack:#p',
    });
    expect(applyOwnership(annotations, { incident: '' })).toEqual({
      'other/x': '1',
      'readiness/runbook': ' ',
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

describe('overlayOwnership and catalogOwnership', () => {
  const file = {
    'readiness/incident-owner': 'group:billing-oncall',
    'readiness/technical-owner': 'group:payments',
    'backstage.io/techdocs-ref': 'dir:.',
  };

  it('overlays the edit and keeps what the file said', () => {
    const overlaid = overlayOwnership(file, {
      incident: 'group:default/sre-oncall',
      technical: 'group:payments',
    });
    expect(overlaid['readiness/incident-owner']).toBe(
      'group:default/sre-oncall',
    );
    expect(overlaid['backstage.io/techdocs-ref']).toBe('dir:.');
    expect(catalogOwnership(overlaid)).toEqual({
      incident: 'group:billing-oncall',
      technical: 'group:payments',
    });
    // Without an overlay, the annotations are the file.
    expect(catalogOwnership(file)).toEqual({
      incident: 'group:billing-oncall',
      technical: 'group:payments',
    });
    // A broken saved value falls back to the annotations.
    expect(
      catalogOwnership({ ...overlaid, 'readiness/ownership-in-file': '{' }),
    ).toEqual({
      incident: 'group:default/sre-oncall',
      technical: 'group:payments',
    });
  });
});
