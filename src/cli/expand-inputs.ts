import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors';

const GLOB = /[*?[]/;

/** A shell-style pattern for one path segment (`*`, `?`, `[abc]`) as a regular expression. */
function segmentPattern(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The data files of a folder: not hidden, not folders, sorted by name (monthly exports load in order). */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort((a, b) => a.localeCompare(b, 'en'));
}

/**
 * The files a `--orders`-style argument names (issue 17): a file as is, a folder as every
 * file in it, and a pattern in the last part (`exports/orders-2025-*.csv`, for shells that do
 * not expand it, or quoted) as the matching files, sorted by name. A folder or pattern that
 * matches nothing is a usage error naming it.
 */
export async function expandInput(arg: string, role: string): Promise<string[]> {
  const base = path.basename(arg);
  if (GLOB.test(base) && !GLOB.test(path.dirname(arg))) {
    const dir = path.dirname(arg);
    const pattern = segmentPattern(base);
    let files: string[];
    try {
      files = (await filesIn(dir)).filter((f) => pattern.test(path.basename(f)));
    } catch {
      throw new UsageError(`${arg}: folder ${dir} not found (given as ${role})`);
    }
    if (files.length === 0) throw new UsageError(`${arg}: no file matches (given as ${role})`);
    return files;
  }
  const info = await stat(arg).catch(() => null);
  if (info?.isDirectory()) {
    const files = await filesIn(arg);
    if (files.length === 0) throw new UsageError(`${arg}: the folder holds no files (given as ${role})`);
    return files;
  }
  return [arg];
}
