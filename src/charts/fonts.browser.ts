/**
 * The browser's stand-in for fonts.ts, put in its place when charts are bundled into a page (the
 * explorer): there the browser draws the text, so builders measure it with the browser's own text
 * metrics (canvas `measureText`) in the charts' font stack — again the font that renders it.
 */
import { fontFamily } from './theme.js';

/** The little of the canvas API used here (the project compiles without the DOM library). */
interface MeasuringContext {
  font: string;
  measureText(text: string): { readonly width: number };
}
declare const OffscreenCanvas: (new (w: number, h: number) => { getContext(kind: '2d'): MeasuringContext | null }) | undefined;

let context: MeasuringContext | null | undefined;

/** Width in px of one line of `text` at `fontSize` px, as the browser draws it in the chart font. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  if (context === undefined) context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  // Without a canvas (never in a current browser) a rough 0.6 em per character.
  if (!context) return [...text].length * 0.6 * fontSize;
  context.font = `${bold ? 'bold ' : ''}${fontSize}px ${fontFamily}`;
  return context.measureText(text).width;
}
