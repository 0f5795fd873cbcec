import { getContrastRatio } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import { readableColor } from './readableColor';

describe('readableColor', () => {
  it('gives status text 4.5:1 on the page and the cards, in both Backstage themes', () => {
    for (const theme of [lightTheme, darkTheme]) {
      for (const c of ['error', 'warning', 'success'] as const) {
        const color = readableColor(theme, theme.palette[c].main);
        for (const bg of [
          theme.palette.background.paper,
          theme.palette.background.default,
        ])
          expect(getContrastRatio(color, bg)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('leaves a colour that already reads well as it is', () => {
    expect(readableColor(lightTheme, '#000000')).toBe('#000000');
  });
});
