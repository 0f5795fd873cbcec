import { createProgram } from './program';

describe('readiness CLI program', () => {
  it('prints its version', () => {
    const out: string[] = [];
    const program = createProgram('1.2.3').configureOutput({
      writeOut: s => out.push(s),
    });
    expect(() => program.parse(['node', 'readiness', '--version'])).toThrow(
      expect.objectContaining({ code: 'commander.version', exitCode: 0 }),
    );
    expect(out.join('')).toBe('1.2.3\n');
  });

  it('describes itself in --help', () => {
    const program = createProgram('1.2.3');
    expect(program.helpInformation()).toContain(
      'Production readiness of Backstage catalog entities',
    );
  });
});
