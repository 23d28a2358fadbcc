"""scripts/odoo_src.sh: Odoo 19.0 from its source archive (README, "The two commands").

Each test builds small stand-ins of Odoo source archives (odoo-bin and odoo/release.py
under one top folder) and runs the script as `make run` and `make test` do, then checks
what a developer would: where the tree landed, what the message says, and that a refused
archive or a foreign $ODOO_SRC was left exactly as it was.
"""
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from pathlib import Path

from odoo.tests import BaseCase, tagged

SCRIPT = Path(__file__).resolve().parents[1] / 'scripts' / 'odoo_src.sh'


def tree_digest(path):
    """One hash of every file's relative path and content below `path` (None if absent)."""
    if not path.exists():
        return None
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob('*') if p.is_file()):
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


@tagged('post_install', '-at_install')
class TestOdooArchive(BaseCase):

    def setUp(self):
        super().setUp()
        self.work = Path(tempfile.mkdtemp(prefix='pdl-odoo-archive-'))
        self.addCleanup(shutil.rmtree, self.work, ignore_errors=True)

    def make_tree(self, path, series='19', extra=b''):
        """A stand-in Odoo source tree of the given major version at `path`."""
        (path / 'odoo').mkdir(parents=True)
        (path / 'odoo-bin').write_text('#!/usr/bin/env python3\n')
        (path / 'odoo' / 'release.py').write_text(f"version_info = ({series}, 0, 0, FINAL, 0, '')\n")
        (path / 'requirements.txt').write_bytes(b'# stand-in\n' + extra)
        return path

    def make_archive(self, name, series='19', top='odoo-19.0', extra=b''):
        """An archive `name` (.tar.gz, .tar.xz or .zip) of a stand-in Odoo tree."""
        source = self.make_tree(self.work / f'src-{name}' / top, series, extra)
        archive = self.work / name
        if name.endswith('.zip'):
            with zipfile.ZipFile(archive, 'w') as zf:
                for file in source.rglob('*'):
                    zf.write(file, file.relative_to(source.parent))
        else:
            mode = 'w:xz' if name.endswith('.xz') else 'w:gz'
            with tarfile.open(archive, mode) as tf:
                tf.add(source, arcname=top)
        return archive

    def run_script(self, odoo_src, archive=None):
        env = dict(os.environ, ODOO_SRC=str(odoo_src))
        env.pop('ODOO_ARCHIVE', None)
        if archive:
            env['ODOO_ARCHIVE'] = str(archive)
        return subprocess.run(['bash', str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)

    def assertRefused(self, result, *phrases):
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        errors = [line for line in result.stderr.splitlines() if line.startswith('ERROR: ')]
        self.assertEqual(len(errors), 1, f'one clear message expected, got: {result.stderr}')
        for phrase in phrases:
            self.assertIn(phrase, errors[0])

    def assertNothingLeftBeside(self):
        self.assertFalse(list(self.work.glob('.odoo-unpack-*')), 'a refused archive left its copy behind')

    def test_no_odoo_and_no_archive_names_both_ways(self):
        target = self.work / 'odoo'
        result = self.run_script(target)
        self.assertRefused(result, f'No Odoo found at ODOO_SRC={target}', 'Odoo 19.0 source tree', 'ODOO_ARCHIVE=')
        self.assertFalse(target.exists())

    def test_each_kind_of_archive_is_unpacked_with_its_top_folder_stripped(self):
        for name in ('odoo.tar.gz', 'odoo.tar.xz', 'odoo.zip'):
            with self.subTest(archive=name):
                archive = self.make_archive(name)
                target = self.work / f'target-{name}'
                result = self.run_script(target, archive)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertTrue((target / 'odoo-bin').is_file())
                self.assertTrue((target / 'odoo' / 'release.py').is_file())
                self.assertFalse((target / 'odoo-19.0').exists())
                stamp = (target / '.odoo-archive-stamp').read_text().split()
                self.assertEqual(stamp[0], hashlib.sha256(archive.read_bytes()).hexdigest())
        self.assertNothingLeftBeside()

    def test_an_empty_folder_receives_the_tree(self):
        archive = self.make_archive('odoo.tar.gz')
        target = self.work / 'mounted'
        target.mkdir()
        self.assertEqual(self.run_script(target, archive).returncode, 0)
        self.assertTrue((target / 'odoo-bin').is_file())

    def test_running_again_with_the_same_archive_changes_nothing(self):
        archive = self.make_archive('odoo.tar.gz')
        target = self.work / 'odoo'
        self.assertEqual(self.run_script(target, archive).returncode, 0)
        marker = target / 'kept.txt'     # a file the tree did not have: gone if it were unpacked again
        marker.write_text('still here')
        again = self.run_script(target, archive)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertNotIn('Unpacking', again.stdout)
        self.assertEqual(marker.read_text(), 'still here')

    def test_another_archive_replaces_a_tree_unpacked_from_an_archive(self):
        first = self.make_archive('first.tar.gz')
        second = self.make_archive('second.tar.xz', extra=b'# second\n')
        target = self.work / 'odoo'
        self.assertEqual(self.run_script(target, first).returncode, 0)
        (target / 'kept.txt').write_text('from the first tree')
        result = self.run_script(target, second)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Unpacking', result.stdout)
        self.assertFalse((target / 'kept.txt').exists())
        self.assertIn(b'# second', (target / 'requirements.txt').read_bytes())
        self.assertEqual((target / '.odoo-archive-stamp').read_text().split()[0],
                         hashlib.sha256(second.read_bytes()).hexdigest())
        self.assertNothingLeftBeside()

    def test_an_archive_of_another_version_changes_nothing(self):
        good = self.make_archive('odoo19.tar.gz')
        target = self.work / 'odoo'
        self.assertEqual(self.run_script(target, good).returncode, 0)
        before = tree_digest(target)
        wrong = self.make_archive('odoo18.tar.gz', series='18', top='odoo-18.0')
        self.assertRefused(self.run_script(target, wrong), 'holds Odoo 18.0', 'needs Odoo 19.0', 'nothing was changed')
        self.assertEqual(tree_digest(target), before)
        fresh = self.work / 'fresh'
        self.assertRefused(self.run_script(fresh, wrong), 'needs Odoo 19.0')
        self.assertFalse(fresh.exists())
        self.assertNothingLeftBeside()

    def test_a_damaged_or_foreign_archive_changes_nothing(self):
        whole = self.make_archive('odoo.tar.xz', extra=os.urandom(200_000))
        damaged = self.work / 'damaged.tar.xz'
        damaged.write_bytes(whole.read_bytes()[:len(whole.read_bytes()) // 2])
        not_zip = self.work / 'odoo.zip'
        not_zip.write_bytes(b'PK\x03\x04 not really a zip')
        two_tops = self.work / 'two.tar.gz'
        with tarfile.open(two_tops, 'w:gz') as tf:
            for top in ('a', 'b'):
                info = tarfile.TarInfo(f'{top}/README')
                tf.addfile(info)
        cases = [(damaged, 'could not be unpacked'), (not_zip, 'could not be unpacked'),
                 (two_tops, 'does not hold one top folder')]
        for archive, phrase in cases:
            with self.subTest(archive=archive.name):
                target = self.work / f'target-{archive.name}'
                self.assertRefused(self.run_script(target, archive), phrase, 'nothing was changed')
                self.assertFalse(target.exists())
        self.assertNothingLeftBeside()

    def test_another_odoo_at_odoo_src_is_never_overwritten(self):
        archive = self.make_archive('odoo.tar.gz')
        other = self.make_tree(self.work / 'odoo18', series='18')
        before = tree_digest(other)
        self.assertRefused(self.run_script(other, archive), "version '18.0'", 'needs Odoo 19.0', 'left as it is')
        self.assertEqual(tree_digest(other), before)

    def test_a_folder_that_is_not_odoo_is_never_overwritten(self):
        archive = self.make_archive('odoo.tar.gz')
        folder = self.work / 'documents'
        folder.mkdir()
        (folder / 'notes.txt').write_text('mine')
        self.assertRefused(self.run_script(folder, archive), 'holds no Odoo', 'not overwritten')
        self.assertEqual([p.name for p in folder.iterdir()], ['notes.txt'])

    def test_an_own_checkout_of_19_is_used_as_it_is(self):
        archive = self.make_archive('odoo.tar.gz')
        checkout = self.make_tree(self.work / 'checkout')
        before = tree_digest(checkout)
        result = self.run_script(checkout, archive)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('ODOO_ARCHIVE is ignored', result.stdout)
        self.assertEqual(tree_digest(checkout), before)
