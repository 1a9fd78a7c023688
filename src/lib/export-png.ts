/**
 * A chart's SVG (recharts or our own) → PNG. The SVG is cloned with the computed styles that
 * decide its look written onto each element, because an SVG drawn as an image sees none of the
 * page's CSS; then it is drawn onto a canvas under a title and caption, at twice the size for
 * sharp slides.
 */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

export interface PngOptions {
  title?: string;
  caption?: string;
  /** Pixel ratio of the image; 2 by default. */
  scale?: number;
  background?: string;
  fontFamily?: string;
  /** Series names with their colours, drawn under the caption (an HTML legend is not in the SVG). */
  legend?: readonly { label: string; color: string }[];
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', `${target.getAttribute('style') ?? ''};${style}`);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

/** The SVG as a standalone document string of the given size. */
export function serialiseSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return new XMLSerializer().serializeToString(clone);
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

/** Lines of `text` that fit `maxWidth` when drawn with the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > maxWidth && line) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

export async function svgToPng(svg: SVGSVGElement, options: PngOptions = {}): Promise<Blob> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const scale = options.scale ?? 2;
  const pad = 16;
  const font = options.fontFamily ?? getComputedStyle(svg).fontFamily;
  const url = URL.createObjectURL(
    new Blob([serialiseSvg(svg, width, height)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const image = await loadImage(url);
    const measure = document.createElement('canvas').getContext('2d');
    if (!measure) throw new Error('This browser cannot draw images (no canvas 2D context)');
    measure.font = `12px ${font}`;
    const captionLines = options.caption ? wrap(measure, options.caption, width) : [];
    const legend = options.legend ?? [];
    const head =
      (options.title ? 24 : 0) +
      captionLines.length * 16 +
      (legend.length ? 20 : 0) +
      (options.title || captionLines.length ? 8 : 0);

    const canvas = document.createElement('canvas');
    canvas.width = (width + pad * 2) * scale;
    canvas.height = (height + head + pad * 2) * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw images (no canvas 2D context)');
    ctx.scale(scale, scale);
    ctx.fillStyle = options.background ?? '#ffffff';
    ctx.fillRect(0, 0, width + pad * 2, height + head + pad * 2);
    let y = pad;
    if (options.title) {
      ctx.fillStyle = '#1c2430';
      ctx.font = `600 15px ${font}`;
      ctx.textBaseline = 'top';
      ctx.fillText(options.title, pad, y);
      y += 24;
    }
    ctx.fillStyle = '#5b6573';
    ctx.font = `12px ${font}`;
    ctx.textBaseline = 'top';
    for (const line of captionLines) {
      ctx.fillText(line, pad, y);
      y += 16;
    }
    let x = pad;
    for (const entry of legend) {
      ctx.fillStyle = entry.color;
      ctx.fillRect(x, y + 3, 10, 10);
      ctx.fillStyle = '#5b6573';
      ctx.fillText(entry.label, x + 16, y + 1);
      x += 16 + ctx.measureText(entry.label).width + 18;
    }
    ctx.drawImage(image, pad, pad + head, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The chart could not be turned into a PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The chart drawing inside a container: our own SVG charts, else the recharts surface. */
export function findChartSvg(container: Element): SVGSVGElement | null {
  return container.querySelector<SVGSVGElement>('svg[data-export-chart], .recharts-wrapper > svg.recharts-surface');
}
