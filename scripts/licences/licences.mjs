// Licences of what Ensemble ships: the server's Maven runtime dependencies (read from their POMs in
// the local Maven repository, parents followed as Maven inherits <licenses>) and the web studio's
// production npm packages (read from their installed package.json). Each licence is named by its
// SPDX id; a licence this file does not recognise, or one not compatible with shipping the whole
// under Apache-2.0, is a problem the check reports.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Licences under which a dependency may ship with Ensemble's Apache-2.0 code, and why. */
export const ALLOWED = new Map([
  ['Apache-2.0', 'the project\'s own licence'],
  ['MIT', 'permissive'],
  ['MIT-0', 'permissive, no attribution needed'],
  ['BSD-2-Clause', 'permissive'],
  ['BSD-3-Clause', 'permissive'],
  ['ISC', 'permissive'],
  ['0BSD', 'permissive'],
  ['CC0-1.0', 'public-domain dedication'],
  ['EPL-2.0', 'weak copyleft on the library\'s own files only; shipped unmodified'],
]);

// Licence names and addresses as POMs and package.json files write them, to SPDX ids. Order matters:
// the first pattern that matches names the licence.
const NAMES = [
  [/^mit-0$|spdx\.org\/licenses\/mit-0/i, 'MIT-0'],
  [/^(the )?mit( license)?$|opensource\.org\/licenses\/mit\b/i, 'MIT'],
  [/apache.*2(\.0)?\b|apache\.org\/licenses\/license-2\.0/i, 'Apache-2.0'],
  [/^bsd-2-clause$|simplified bsd|2-clause bsd/i, 'BSD-2-Clause'],
  [/^bsd-3-clause$|new bsd|3-clause bsd|revised bsd/i, 'BSD-3-Clause'],
  [/^isc( license)?$/i, 'ISC'],
  [/^0bsd$/i, '0BSD'],
  [/cc0|publicdomain\/zero/i, 'CC0-1.0'],
  [/eclipse public license.*2\.0|^epl-2\.0$|eclipse\.org\/legal\/epl-2\.0/i, 'EPL-2.0'],
  [/eclipse distribution license|^edl-1\.0$/i, 'BSD-3-Clause'],
  [/lgpl-2\.1|lesser general public license.*2\.1/i, 'LGPL-2.1-or-later'],
  [/agpl|affero/i, 'AGPL-3.0'],
  [/^gpl|general public license/i, 'GPL'],
];

/** The SPDX id of a licence written as {name, url}, or null when it is not recognised. */
export function spdxOf({ name = '', url = '' }) {
  for (const [pattern, id] of NAMES) {
    if (pattern.test(name.trim()) || (url && pattern.test(url.trim()))) {
      return id;
    }
  }
  return null;
}

/**
 * A dependency's verdict from the licences it offers (a POM's several <license> entries and an SPDX
 * "A OR B" both offer a choice): the first allowed one is taken; otherwise the reason it cannot ship.
 */
export function choose(offered) {
  if (offered.length === 0) {
    return { licence: null, problem: 'no licence found' };
  }
  const ids = offered.map((l) => ({ ...l, id: spdxOf(l) }));
  const ok = ids.find((l) => l.id && ALLOWED.has(l.id));
  if (ok) {
    return { licence: ok.id, problem: null };
  }
  const unknown = ids.filter((l) => !l.id);
  if (unknown.length > 0) {
    return { licence: null, problem: 'unknown licence: ' + unknown.map((l) => l.name || l.url).join(', ') };
  }
  return { licence: null, problem: 'licence not compatible with Apache-2.0: ' + ids.map((l) => l.id).join(', ') };
}

// ---- Maven -------------------------------------------------------------------------------------

/** Runtime dependencies from `mvn dependency:list` output: {group, artifact, version}. */
export function parseDependencyList(text) {
  const out = [];
  for (const line of text.split('\n')) {
    // group:artifact:type[:classifier]:version:scope, then optional " (optional)" and " -- module ...".
    const m = line.trim().match(/^([\w.-]+):([\w.-]+):([\w-]+)(?::([\w.-]+))?:([\w.-]+):(compile|runtime)\b/);
    if (m) {
      out.push({ group: m[1], artifact: m[2], version: m[5] });
    }
  }
  return out;
}

function tag(xml, name) {
  const m = xml.match(new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`));
  return m ? m[1] : '';
}

/** The POM's own <licenses> (null when it has none) and its parent's coordinates (null at the top). */
export function readPom(xml) {
  const clean = xml.replace(/<!--[\s\S]*?-->/g, '');
  const block = clean.match(/<licenses>([\s\S]*?)<\/licenses>/);
  const licences = block ? [...block[1].matchAll(/<license>([\s\S]*?)<\/license>/g)]
    .map((m) => ({ name: tag(m[1], 'name'), url: tag(m[1], 'url') })) : null;
  const parentBlock = clean.match(/<parent>([\s\S]*?)<\/parent>/);
  const parent = parentBlock ? { group: tag(parentBlock[1], 'groupId'), artifact: tag(parentBlock[1], 'artifactId'),
    version: tag(parentBlock[1], 'version') } : null;
  return { licences, parent };
}

function pomPath(repo, { group, artifact, version }) {
  return join(repo, ...group.split('.'), artifact, version, `${artifact}-${version}.pom`);
}

/** The licences a Maven artifact declares, its own or inherited from the nearest parent that has some. */
export function mavenLicences(repo, coordinates) {
  let at = coordinates;
  for (let depth = 0; at && depth < 10; depth++) {
    const path = pomPath(repo, at);
    if (!existsSync(path)) {
      throw new Error(`no POM for ${at.group}:${at.artifact}:${at.version} in ${repo} (build the server first)`);
    }
    const pom = readPom(readFileSync(path, 'utf8'));
    if (pom.licences && pom.licences.length > 0) {
      return pom.licences;
    }
    at = pom.parent;
  }
  return [];
}

// ---- npm ---------------------------------------------------------------------------------------

/** The production packages package-lock.json installs: {name, version, path} (dev packages left out). */
export function productionPackages(lock) {
  const out = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.dev || entry.devOptional || !path.startsWith('node_modules/')) {
      continue;
    }
    out.push({ name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: entry.version, path });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The licences an installed package's package.json offers (an SPDX "A OR B" offers both). */
export function npmLicences(webDir, pkg) {
  const file = join(webDir, pkg.path, 'package.json');
  if (!existsSync(file)) {
    throw new Error(`${pkg.name} is not installed in ${webDir} (run scripts/install-test-deps.sh)`);
  }
  const json = JSON.parse(readFileSync(file, 'utf8'));
  let field = json.license ?? json.licenses ?? '';
  if (Array.isArray(field)) {
    return field.map((l) => ({ name: typeof l === 'string' ? l : l.type ?? '', url: l.url ?? '' }));
  }
  if (typeof field === 'object') {
    field = field.type ?? '';
  }
  return String(field).replace(/[()]/g, '').split(/\s+OR\s+/).filter((s) => s.trim()).map((name) => ({ name: name.trim(), url: '' }));
}
