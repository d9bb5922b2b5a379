import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { parseFormats, PNG_SCALE, render, renderHtml } from '../../src/charts/index.js';
import { InputError } from '../../src/errors.js';
import { chartCases } from './cases.js';

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m?.[1] || !m[2]) throw new Error('svg has no width/height');
  return { width: Number(m[1]), height: Number(m[2]) };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('rendering every chart kind in both languages', () => {
  for (const c of chartCases) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${c.kind} (${lang}): SVG shows the title; PNG is the SVG at ${PNG_SCALE}×`, async () => {
        const spec = c.build(lang, c.size);
        const svg = (await render(spec, 'svg')) as string;
        expect(svg.startsWith('<svg')).toBe(true);
        expect(svg).toContain(`>${escapeXml(c.title[lang])}<`);
        const other = lang === 'zh' ? 'en' : 'zh';
        expect(svg).not.toContain(`>${escapeXml(c.title[other])}<`);
        const png = (await render(spec, 'png')) as Buffer;
        const s = svgSize(svg);
        expect(pngSize(png)).toEqual({ width: Math.round(s.width * PNG_SCALE), height: Math.round(s.height * PNG_SCALE) });
      });
    }
  }

  it('keeps the charts near their nominal size (no legend or footnote pushing them wide)', async () => {
    for (const c of chartCases) {
      const svg = (await render(c.build('zh', c.size), 'svg')) as string;
      // Full width is 680 px; the attainment table and small multiples may run a little wider.
      expect(svgSize(svg).width, c.kind).toBeLessThan(760);
    }
  });
});

describe('vl.json and HTML', () => {
  const spec = chartCases[0]?.build('zh', 'full') as TopLevelSpec;

  it('vl.json is the spec itself, data inlined', async () => {
    const text = (await render(spec, 'vl.json')) as string;
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(text).toContain('"values"');
    expect(text).not.toContain('"url"');
  });

  it('HTML works offline: no remote scripts, vega builds inlined, spec embedded', async () => {
    const html = (await render(spec, 'html')) as string;
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*href=["']https?:/i);
    expect(html).toContain(JSON.stringify(spec).replace(/</g, '\\u003c'));
    expect(html).toContain('vegaEmbed(');
    // The three libraries are present (their global names are defined by the inlined builds).
    for (const lib of ['vegaLite', 'vegaEmbed']) expect(html).toContain(lib);
    expect(html.length).toBeGreaterThan(500_000);
    // Inlined code cannot close the script element early.
    const scripts = html.match(/<script/g)?.length ?? 0;
    expect(html.match(/<\/script>/g)?.length).toBe(scripts);
  });

  it('renderHtml escapes the page title', () => {
    expect(renderHtml(spec, 'a <b> & c')).toContain('<title>a &lt;b&gt; &amp; c</title>');
  });
});

describe('parseFormats', () => {
  it('accepts a comma list and drops repeats', () => {
    expect(parseFormats('svg, png,svg,vl.json')).toEqual(['svg', 'png', 'vl.json']);
  });
  it('names every unknown format and the allowed ones', () => {
    try {
      parseFormats('svg,pdf,jpg');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.problems.map((p) => p.path)).toEqual(['--format', '--format']);
      expect(err.problems[0]?.message).toBe('unknown chart format "pdf"; expected one of vl.json, svg, png, html');
      expect(err.problems[1]?.message).toContain('"jpg"');
    }
  });
});
