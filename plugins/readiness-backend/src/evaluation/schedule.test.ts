import { ConfigReader } from '@backstage/config';
import { readSchedule } from './schedule';

describe('readSchedule', () => {
  it('defaults to every 10 minutes', () => {
    expect(readSchedule(new ConfigReader({}))).toMatchObject({
      frequency: { minutes: 10 },
    });
  });

  it('reads the configured schedule', () => {
    const schedule = readSchedule(
      new ConfigReader({
        readiness: {
          evaluation: {
            schedule: { frequency: { minutes: 2 }, timeout: { minutes: 1 } },
          },
        },
      }),
    );
    expect(schedule.frequency).toEqual({ minutes: 2 });
  });

  it('refuses a local scope, naming the field', () => {
    expect(() =>
      readSchedule(
        new ConfigReader({
          readiness: {
            evaluation: {
              schedule: {
                frequency: { minutes: 2 },
                timeout: { minutes: 1 },
                scope: 'local',
              },
            },
          },
        }),
      ),
    ).toThrow('readiness.evaluation.schedule.scope');
  });
});
