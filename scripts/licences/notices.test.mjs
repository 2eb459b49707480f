// The licence check on made-up dependencies: a licence inherited from a parent POM is found, and an
// unknown or incompatible licence (Maven or npm) fails the check, naming the dependency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNotice } from './notices.mjs';
import { choose, spdxOf } from './licences.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'notices.mjs');

function pom(m2, group, artifact, version, body) {
  const dir = join(m2, ...group.split('.'), artifact, version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${artifact}-${version}.pom`), `<?xml version="1.0"?>\n<project>${body}</project>\n`);
}

const licence = (name, url = '') => `<licenses><license><name>${name}</name><url>${url}</url></license></licenses>`;

/** A Maven repository, a web folder and a dependency list; `extra` adds one more Maven dependency. */
function fixture(t, { mavenLicence = null, npmLicence = 'MIT' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'licences-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const m2 = join(dir, 'm2');
  pom(m2, 'org.example', 'parent', '1', `<!-- <licenses><license><name>GPL</name></license></licenses> -->${licence('Apache License, Version 2.0')}`);
  pom(m2, 'org.example', 'child', '1.2', '<parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>1</version></parent>');
  let list = 'The following files have been resolved:\n   org.example:child:jar:1.2:compile -- module child\n'
    + '   org.ensemble:ensemble-protocol:jar:0.1.0-SNAPSHOT:compile\n';
  if (mavenLicence !== null) {
    pom(m2, 'org.example', 'odd', '3', mavenLicence);
    list += '   org.example:odd:jar:linux-x86_64:3:runtime\n';
  }
  const web = join(dir, 'web');
  mkdirSync(join(web, 'node_modules/lib'), { recursive: true });
  mkdirSync(join(web, 'node_modules/tool'), { recursive: true });
  writeFileSync(join(web, 'package-lock.json'), JSON.stringify({ packages: { '': {}, 'node_modules/lib': { version: '2.0.0' },
    'node_modules/tool': { version: '1.0.0', dev: true } } }));
  writeFileSync(join(web, 'node_modules/lib/package.json'), JSON.stringify({ name: 'lib', license: npmLicence }));
  writeFileSync(join(web, 'node_modules/tool/package.json'), JSON.stringify({ name: 'tool', license: 'Mystery' }));
  const listFile = join(dir, 'deps.txt');
  writeFileSync(listFile, list);
  return { m2, web, mavenText: list, listFile, out: join(dir, 'NOTICES.md'), notes: {} };
}

function run(args) {
  try {
    return { code: 0, output: execFileSync('node', [script, ...args], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

test('a licence inherited from the parent POM is found; our own modules and dev packages are not listed', (t) => {
  const f = fixture(t);
  const { text, problems } = buildNotice(f);
  assert.deepEqual(problems, []);
  assert.match(text, /\| org\.example:child \| 1\.2 \| Apache-2\.0 \| Apache License, Version 2\.0 \|/);
  assert.match(text, /\| lib \| 2\.0\.0 \| MIT \| MIT \|/);
  assert.doesNotMatch(text, /ensemble-protocol|\| tool \|/);
});

test('an unknown Maven licence fails the check, naming the dependency', (t) => {
  const f = fixture(t, { mavenLicence: licence('Acme Community Licence 1.0') });
  assert.deepEqual(buildNotice(f).problems, ['org.example:odd 3: unknown licence: Acme Community Licence 1.0']);
  const r = run(['--write', '--maven-list', f.listFile, '--m2', f.m2, '--web', f.web, '--out', f.out]);
  assert.equal(r.code, 1);
  assert.match(r.output, /org\.example:odd 3: unknown licence/);
});

test('a Maven dependency without any licence, or with an incompatible one, fails', (t) => {
  assert.deepEqual(buildNotice(fixture(t, { mavenLicence: '' })).problems, ['org.example:odd 3: no licence found']);
  assert.deepEqual(buildNotice(fixture(t, { mavenLicence: licence('GNU General Public License v3.0') })).problems,
    ['org.example:odd 3: licence not compatible with Apache-2.0: GPL']);
});

test('an unknown npm licence fails; a choice that includes an allowed licence passes', (t) => {
  assert.deepEqual(buildNotice(fixture(t, { npmLicence: 'SEE LICENSE IN EULA.txt' })).problems,
    ['lib 2.0.0: unknown licence: SEE LICENSE IN EULA.txt']);
  assert.deepEqual(buildNotice(fixture(t, { npmLicence: '(GPL-3.0 OR MIT)' })).problems, []);
});

test('--check fails on a notice that differs from a fresh one and passes on a fresh one', (t) => {
  const f = fixture(t);
  const args = ['--maven-list', f.listFile, '--m2', f.m2, '--web', f.web, '--out', f.out];
  assert.equal(run(['--check', ...args]).code, 1);
  assert.equal(run(['--write', ...args]).code, 0);
  assert.equal(run(['--check', ...args]).code, 0);
});

test('licence names as POMs write them', () => {
  assert.equal(spdxOf({ name: 'The Apache Software License, Version 2.0' }), 'Apache-2.0');
  assert.equal(spdxOf({ name: 'Public Domain, per Creative Commons CC0' }), 'CC0-1.0');
  assert.equal(spdxOf({ name: 'MIT-0' }), 'MIT-0');
  assert.equal(spdxOf({ name: 'Licence', url: 'https://opensource.org/licenses/MIT' }), 'MIT');
  assert.equal(choose([{ name: 'LGPL-2.1-or-later' }, { name: 'Apache-2.0' }]).licence, 'Apache-2.0');
  assert.equal(choose([{ name: 'LGPL-2.1-or-later' }]).licence, null);
});
