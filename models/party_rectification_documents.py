from datetime import date

from odoo import models

from ..tools import document_blocks as blk
from ..tools.cn_format import html_to_text
from ..tools.xlsx_builder import XlsxTableWriter
from .party_document_mixin import EXPORT_BATCH

LIST_FIELDS = ['name', 'problem', 'source', 'focus_id', 'measures', 'responsible_user_id', 'responsible_unit',
               'deadline', 'mode', 'completion_note', 'date_done', 'state', 'scope']


class PartyRectification(models.Model):
    _name = 'party.rectification'
    _inherit = ['party.rectification', 'party.document.mixin']

    def _party_documents(self):
        documents = super()._party_documents()
        documents['rectification_list'] = {
            'label': self.env._('Problem List and Rectification List'),
            'blocks': '_party_blocks_rectification_list',
            'xlsx': '_party_xlsx_rectification_list',
            'docx': True,
            'landscape': True,
        }
        return documents

    def _party_document_basename(self, kind):
        organizations = self.organization_id
        label = self._party_document_spec(kind)['label']
        if len(organizations) == 1:
            return f'{label}-{organizations.name}'.replace('/', '_')
        return label

    def _party_list_order(self):
        """(team items, members' items) as organisation departments collect them: per
        organisation and meeting, each member in the team's order, each owner's by deadline."""
        items = self.search_fetch(
            [('id', 'in', self.ids)],
            ['organization_id', 'meeting_id', 'scope', 'responsible_user_id', 'deadline'], order='id')
        members = self.env['party.organization.member'].search_fetch(
            [('organization_id', 'in', items.organization_id.ids)], ['organization_id', 'user_id', 'sequence'])
        sequences = {(m.organization_id.id, m.user_id.id): m.sequence for m in members}

        def key(item):
            owner = item.responsible_user_id.id
            return (item.organization_id.id, item.meeting_id.id or 0, item.scope != 'team',
                    sequences.get((item.organization_id.id, owner), 10 ** 6), owner or 0,
                    item.deadline or date.max, item.id)
        ordered = sorted(items, key=key)
        team = self.browse([item.id for item in ordered if item.scope == 'team'])
        personal = self.browse([item.id for item in ordered if item.scope != 'team'])
        self.env.invalidate_all()
        return team, personal

    def _party_list_columns(self):
        """The columns of a problem and rectification list: (label, width, xlsx kind)."""
        _ = self.env._
        return [
            (_('No.'), 5, 'int'), (_('Problem Found'), 28, 'text'), (_('Problem Source'), 10, 'short'),
            (_('Aspect Checked'), 16, 'text'), (_('Rectification Measures'), 30, 'text'),
            (_('Person Responsible'), 9, 'short'), (_('Responsible Unit'), 12, 'text'),
            (_('Completion Deadline'), 17, 'date'), (_('Rectification Type'), 10, 'short'),
            (_('Progress'), 24, 'text'), (_('Status'), 10, 'short'),
        ]

    def _party_list_rows(self, as_text=False):
        """The rows of the list, read EXPORT_BATCH records at a time (no query per row).

        With ``as_text`` the deadline is a Chinese date string (PDF/Word), else a date (Excel).
        """
        today = self._party_today()
        sources = self._party_selection_labels('source')
        modes = self._party_selection_labels('mode')
        states = self._party_selection_labels('state')
        overdue_label = self.env._('Overdue')
        ids = self.ids
        number = 0
        for start in range(0, len(ids), EXPORT_BATCH):
            batch = self.browse(ids[start:start + EXPORT_BATCH])
            for values in batch.read(LIST_FIELDS):
                number += 1
                state = states.get(values['state'], '')
                deadline = values['deadline']
                if values['state'] in ('open', 'in_progress') and deadline and deadline < today:
                    state = f'{state}（{overdue_label}）'
                progress = html_to_text(values['completion_note'])
                if values['date_done']:
                    done_on = self.env._('Finished on %(date)s', date=self._party_cn_date(values['date_done']))
                    progress = f'{done_on}；{progress}' if progress else done_on
                yield [
                    number,
                    html_to_text(values['problem']) or values['name'],
                    sources.get(values['source'], ''),
                    values['focus_id'] and values['focus_id'][1] or '',
                    html_to_text(values['measures']),
                    values['responsible_user_id'] and values['responsible_user_id'][1] or '',
                    values['responsible_unit'] or '',
                    self._party_cn_date(deadline) if as_text else deadline,
                    modes.get(values['mode'], ''),
                    progress,
                    state,
                ]
            # Drop what was read so that memory does not grow with the number of rows.
            self.env.invalidate_all()

    # PDF / Word

    def _party_blocks_rectification_list(self):
        team, personal = self._party_list_order()
        items = team | personal
        organizations = items.organization_id
        title = self.env._('Problem List and Rectification List')
        if len(organizations) == 1:
            title = self.env._('%(organization)s Problem List and Rectification List',
                               organization=organizations.name)
        return items._party_rectification_list_blocks(title)

    def _party_rectification_list_blocks(self, title, meeting=None):
        """Team items, then each member's, as the HR supervision section sends them upward;
        several organisations each get their own part."""
        _ = self.env._
        columns = [(label, width) for label, width, _kind in self._party_list_columns()]
        blocks = [blk.title(title)]
        organizations = self.organization_id
        level = 1 if len(organizations) <= 1 else 2
        for organization in organizations:
            if level == 2:
                blocks.append(blk.heading(1, organization.name))
            items = self.filtered(lambda r, o=organization: r.organization_id == o)
            team = items.filtered(lambda r: r.scope == 'team')
            blocks.append(blk.heading(level, _('Problems and rectification of the leadership team')))
            blocks.append(blk.table(columns, list(team._party_list_rows(as_text=True))) if team
                          else blk.paragraph(_('None.')))
            blocks.append(blk.heading(level, _('Problems and rectification of the team members')))
            personal = items - team
            members = {member.user_id: member for member in organization.member_ids}
            owners = personal.responsible_user_id.sorted(
                lambda u: (members[u].sequence if u in members else 10 ** 6, u.name))
            if not owners:
                blocks.append(blk.paragraph(_('None.')))
            for owner in owners:
                position = members[owner].position if owner in members else False
                blocks.append(blk.heading(level + 1, f'{owner.name}（{position}）' if position else owner.name))
                owned = personal.filtered(lambda r, u=owner: r.responsible_user_id == u)
                blocks.append(blk.table(columns, list(owned._party_list_rows(as_text=True))))
        name = organizations.name if len(organizations) == 1 else ''
        blocks.append(blk.signature(name, self._party_cn_date(self._party_today())))
        return blocks

    # Excel

    def _party_xlsx_rectification_list(self, title=None):
        """Two sheets, the team's items and the members' items, streamed row by row."""
        _ = self.env._
        title = title or _('Problem List and Rectification List')
        writer = XlsxTableWriter()
        columns = self._party_list_columns()
        team_sheet, members_sheet = _('Leadership Team'), _('Team Members')
        team, personal = self._party_list_order()
        for items, sheet in ((team, team_sheet), (personal, members_sheet)):
            writer.add_table_sheet(sheet, f'{title}（{sheet}）', columns, items._party_list_rows())
        return writer.close()

    def action_party_export_rectification_list(self):
        return self._party_download_action('rectification_list', 'xlsx')
