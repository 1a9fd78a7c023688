import { escapeHtml } from './html-escape';

/**
 * The markdown the digest writer produces (headings, pipe tables, bullet lists, paragraphs,
 * **bold**) as HTML, so the html digest says exactly what the md one says. Only that subset:
 * it is not a general markdown reader.
 */
export function markdownToHtml(md: string): string {
  return md
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map(blockToHtml)
    .join('\n');
}

function inline(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

function cells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function blockToHtml(block: string): string {
  const heading = /^(#{1,3}) (.*)$/.exec(block);
  if (heading && !block.includes('\n')) {
    const level = heading[1]!.length;
    return `<h${level}>${inline(heading[2]!)}</h${level}>`;
  }
  const lines = block.split('\n');
  if (lines.length >= 2 && lines.every((l) => l.startsWith('|'))) {
    const align = cells(lines[1]!).map((c) => (c.endsWith(':') ? 'num' : ''));
    const head = cells(lines[0]!)
      .map((c, i) => `<th${align[i] ? ' class="num"' : ''}>${inline(c)}</th>`)
      .join('');
    const rows = lines.slice(2).map(
      (l) =>
        `<tr>${cells(l)
          .map((c, i) => `<td${align[i] ? ' class="num"' : ''}>${inline(c)}</td>`)
          .join('')}</tr>`,
    );
    return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  if (lines.every((l) => l.startsWith('- '))) {
    return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
  }
  return `<p>${lines.map(inline).join('<br>')}</p>`;
}
