"""Merge a fresh .pot into a .po: keep every existing translation, add new terms empty, drop
terms no longer used, and list what is left to translate."""
import sys

import polib

pot_path, po_path = sys.argv[1:3]
pot = polib.pofile(pot_path)
try:
    old = polib.pofile(po_path)
except OSError:
    old = polib.POFile()
translations = {entry.msgid: entry.msgstr for entry in old if entry.msgstr}
po = polib.POFile(wrapwidth=78)
po.metadata = dict(pot.metadata, Language='zh_CN', **{'Plural-Forms': ''})
untranslated = []
for entry in pot:
    entry.msgstr = translations.get(entry.msgid, '')
    if not entry.msgstr:
        untranslated.append(entry.msgid)
    po.append(entry)
po.save(po_path)
print(f'{po_path}: {len(po)} terms, {len(untranslated)} untranslated')
for msgid in untranslated:
    print('  untranslated:', msgid.replace('\n', ' ')[:100])
