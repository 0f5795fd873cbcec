import { getContrastRatio } from '@material-ui/core/styles';
import { lightTheme, darkTheme } from '@backstage/theme';
import { readableOn } from './readableColor';

describe('readableOn', () => {
  it("gives the status chips' text at least 4.5:1 on Backstage's light and dark status colours", () => {
    for (const theme of [lightTheme, darkTheme]) {
      for (const c of ['success', 'warning', 'error'] as const) {
        const bg = theme.palette[c].main;
        expect(getContrastRatio(bg, readableOn(bg))).toBeGreaterThanOrEqual(
          4.5,
        );
      }
    }
  });

  it('reaches 4.5:1 on any colour', () => {
    for (let i = 0; i < 500; i++) {
      const hex = `#${Math.floor(Math.random() * 0xffffff)
        .toString(16)
        .padStart(6, '0')}`;
      expect(getContrastRatio(hex, readableOn(hex))).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });
});
