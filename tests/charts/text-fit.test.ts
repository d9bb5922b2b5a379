import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/index.js';
import { chartFaces } from '../../src/charts/fonts.js';
import { chartCases, LANGS, SIZES } from './cases.js';
import { chartLayout, textFitProblems } from './text-fit.js';

const noFace = chartFaces(() => undefined) === null;
if (noFace) console.warn('text-fit test skipped: no Noto Sans CJK installed (npm install @embedpdf/fonts-sc)');

describe.skipIf(noFace)('every text fits: no ink off the canvas, over another text, out of its cell, or cut with "…"', () => {
  for (const c of chartCases) {
    for (const lang of LANGS) {
      for (const size of SIZES) {
        it(`${c.kind} (${lang}, ${size})`, async () => {
          const svg = await renderSvg(c.build(lang, size));
          expect(chartLayout(svg).lines.length).toBeGreaterThan(5);
          expect(textFitProblems(svg)).toEqual([]);
        });
      }
    }
  }
});

describe.skipIf(noFace)('the text-fit check itself', () => {
  const svg = (body: string): string => `<svg width="200" height="100"><g transform="translate(8,8)">${body}</g></svg>`;
  const text = (x: number, y: number, s: string, anchor = 'start'): string =>
    `<text text-anchor="${anchor}" transform="translate(${x},${y})" font-size="10px" fill="#000">${s}</text>`;

  it('passes texts that fit', () => {
    expect(textFitProblems(svg(text(0, 20, 'met 100%') + text(100, 20, 'on track')))).toEqual([]);
  });
  it('finds overlapping texts', () => {
    expect(textFitProblems(svg(text(0, 20, 'moderate 33%') + text(40, 20, 'insufficient'))).join()).toMatch(/"moderate 33%" .* overlaps "insufficient"/);
  });
  it('finds ink off the canvas, also after rotation and for the lines of a multi-line text', () => {
    expect(textFitProblems(svg(text(190, 20, 'wide label', 'middle')))[0]).toMatch(/"wide label" .* runs off the 200×100 canvas/);
    expect(textFitProblems(svg(`<text transform="translate(0,20) rotate(-90)" font-size="10px">Axis title</text>`))[0]).toMatch(/runs off/);
    expect(textFitProblems(svg(`<text transform="translate(0,80)" font-size="10px"><tspan>one</tspan><tspan x="0" dy="13">two</tspan></text>`))[0]).toMatch(/"two" .* runs off/);
  });
  it('finds text spilling out of its cell', () => {
    const cell = `<g class="mark-rect role-mark"><path transform="translate(60,10)" d="M0,0h40v20h-40Z"></path></g>`;
    expect(textFitProblems(svg(cell + text(80, 24, 'met', 'middle')))).toEqual([]);
    expect(textFitProblems(svg(cell + text(80, 24, 'insufficient 0%', 'middle')))[0]).toMatch(/"insufficient 0%" .* spills out of its cell/);
  });
  it('finds labels cut with an ellipsis', () => {
    expect(textFitProblems(svg(text(0, 20, 'Migrants who…')))).toEqual(['"Migrants who…" is cut short']);
  });
});
