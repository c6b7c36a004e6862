// The fallback's TensorFlow: the tensorflow-cpu wheel from pip's configured
// index (for the GPU build, the tensorflow wheel: see gpu.mjs). Its
// libtensorflow_cc exports the whole C API tfjs-node's binding calls; the two
// shared libraries and the C headers the binding includes are taken out of
// it (a wheel is a zip file).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { failureLine, runTool } from './run-tool.mjs';

export const WHEEL = { name: 'tensorflow-cpu', version: '2.21.0', size: 'about 270 MB' };
const PYTHON = process.env.PYTHON || 'python3';
const wheelPattern = (wheel) => new RegExp(`^${wheel.name.replace('-', '_')}-${wheel.version.replaceAll('.', '\\.')}-.*\\.whl$`);

/** The wheel's path (tensorflow-cpu unless `wheel` names another): the one already in `folder`, else downloaded there by pip. */
export async function fetchWheel(folder, say, wheel = WHEEL) {
  const present = () => (existsSync(folder) ? readdirSync(folder).find((f) => wheelPattern(wheel).test(f)) : undefined);
  if (present()) {
    say(`using the ${wheel.name} ${wheel.version} wheel already in ${folder}`);
    return join(folder, present());
  }
  mkdirSync(folder, { recursive: true });
  say(`downloading the ${wheel.name} ${wheel.version} wheel with pip (${wheel.size})`);
  const r = await runTool(PYTHON, ['-m', 'pip', 'download', `${wheel.name}==${wheel.version}`, '--no-deps', '--only-binary=:all:', '--no-cache-dir', '-d', folder], { timeoutSeconds: 1800 });
  if (r.status !== 0 || !present()) throw new Error(`pip download ${wheel.name}==${wheel.version} failed: ${failureLine(r)}`);
  return join(folder, present());
}

// Extracts the shared libraries flat into argv[2], and into argv[3] the
// headers reachable by `#include "..."` from the names in argv[4] (JSON).
const EXTRACT = `
import json, os, re, shutil, sys, zipfile
wheel, lib_dir, include_dir, roots = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
prefix = 'tensorflow/include/'
with zipfile.ZipFile(wheel) as z:
    names = set(z.namelist())
    libs = [n for n in names if re.fullmatch(r'tensorflow/libtensorflow(_cc|_framework)\\.so\\.\\d+', n)]
    for name in libs:
        with z.open(name) as src, open(lib_dir + '/' + name.rsplit('/', 1)[1], 'wb') as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    todo, seen = list(roots), set()
    while todo:
        header = todo.pop()
        if header in seen or prefix + header not in names:
            continue
        seen.add(header)
        text = z.read(prefix + header)
        todo += [m.decode() for m in re.findall(rb'^\\s*#\\s*include\\s*"([^"]+)"', text, re.M)]
        os.makedirs(os.path.dirname(os.path.join(include_dir, header)), exist_ok=True)
        with open(os.path.join(include_dir, header), 'wb') as dst:
            dst.write(text)
print(json.dumps({'libs': sorted(n.rsplit('/', 1)[1] for n in libs), 'headers': len(seen)}))
`;

/** The `#include "..."` names of the binding's own sources: where the header walk starts. */
function bindingIncludes(pkg) {
  const folder = join(pkg.dir, 'binding');
  const names = readdirSync(folder).filter((f) => /\.(cc|h)$/.test(f));
  return [...new Set(names.flatMap((f) => [...readFileSync(join(folder, f), 'utf8').matchAll(/^\s*#\s*include\s*"([^"]+)"/gm)].map((m) => m[1])))];
}

/**
 * Replaces the package's deps/lib and deps/include with the wheel's
 * libraries and headers, and links the names the binding is linked against
 * (libtensorflow.so, libtensorflow_framework.so) to them.
 */
export async function extractWheel(wheel, pkg) {
  rmSync(pkg.libDir, { recursive: true, force: true }); // never write through a hard link into the cache
  rmSync(pkg.includeDir, { recursive: true, force: true });
  mkdirSync(pkg.libDir, { recursive: true });
  mkdirSync(pkg.includeDir, { recursive: true });
  const r = await runTool(PYTHON, ['-c', EXTRACT, wheel, pkg.libDir, pkg.includeDir, JSON.stringify(bindingIncludes(pkg))], { timeoutSeconds: 600 });
  if (r.status !== 0) throw new Error(`extracting ${wheel} failed: ${failureLine(r)}`);
  const found = JSON.parse(r.output.trim().split('\n').at(-1));
  const main = found.libs.find((l) => l.startsWith('libtensorflow_cc.'));
  const framework = found.libs.find((l) => l.startsWith('libtensorflow_framework.'));
  if (!main || !framework) throw new Error(`the wheel lacks libtensorflow_cc / libtensorflow_framework (found: ${found.libs.join(', ') || 'nothing'})`);
  symlinkSync(main, join(pkg.libDir, 'libtensorflow.so'));
  symlinkSync(framework, join(pkg.libDir, 'libtensorflow_framework.so'));
  return { headers: found.headers };
}
