from odoo import fields, models
from odoo.tools import SQL

from ..tools import document_blocks as blk
from ..tools.cn_format import html_to_text
from ..tools.xlsx_builder import XlsxTableWriter
from .party_document_mixin import EXPORT_BATCH

LIST_FIELDS = ['name', 'problem', 'source', 'focus_id', 'measures', 'responsible_user_id', 'responsible_unit',
               'deadline', 'mode', 'completion_note', 'date_done', 'state', 'scope']


class PartyRectification(models.Model):
    _name = 'party.rectification'
    _inherit = ['party.rectification', 'party.document.mixin']

    def _party_document_basename(self, label):
        organizations = self.organization_id
        if len(organizations) == 1:
            return f'{label}-{organizations.name}'
        return label

    def _party_list_order(self):
        """(team item ids, members' item ids) as organisation departments collect them: per
        organisation and meeting, each member in the team's order, each owner's by deadline.

        One query over the records the user may read (``_search`` applies the record rules).
        """
        self.env.flush_all()
        readable = self._search([('id', 'in', self.ids)])
        rows = self.env.execute_query(SQL("""
            SELECT item.id, item.scope
              FROM party_rectification item
         LEFT JOIN party_organization_member member
                ON member.organization_id = item.organization_id
               AND member.user_id = item.responsible_user_id
             WHERE item.id IN %s
          ORDER BY item.organization_id, item.meeting_id NULLS FIRST, item.scope != 'team',
                   member.sequence NULLS LAST, item.responsible_user_id, item.deadline NULLS LAST, item.id
        """, readable.subselect()))
        return [item_id for item_id, scope in rows if scope == 'team'], \
            [item_id for item_id, scope in rows if scope != 'team']

    def _party_list_columns(self):
        """The columns of a problem and rectification list: (label, width, xlsx kind)."""
        return [
            (self.env._('No.'), 5, 'int'), (self.env._('Problem Found'), 28, 'text'), (self.env._('Problem Source'), 10, 'short'),
            (self.env._('Aspect Checked'), 16, 'text'), (self.env._('Rectification Measures'), 30, 'text'),
            (self.env._('Person Responsible'), 9, 'short'), (self.env._('Responsible Unit'), 12, 'text'),
            (self.env._('Completion Deadline'), 17, 'date'), (self.env._('Rectification Type'), 10, 'short'),
            (self.env._('Progress'), 24, 'text'), (self.env._('Status'), 10, 'short'),
        ]

    def _party_list_rows(self, as_text=False):
        """The rows of the list in the order of ``self``, read EXPORT_BATCH items a query.

        Plain SQL on purpose: the 30,000-row export must be much faster than Odoo's generic
        export, and the ORM's read costs more than the file itself. It reads only what the ORM
        would show: the records were checked (``check_access``) and ordered through
        ``_search``; names of owners and key aspects are display names, readable by all.
        With ``as_text`` the deadline is a Chinese date string (PDF/Word), else a date (Excel).
        """
        today = self._party_today()
        sources = self._party_selection_labels('source')
        modes = self._party_selection_labels('mode')
        states = self._party_selection_labels('state')
        overdue_label = self.env._('Overdue')
        self.env.flush_all()
        ids = self.ids
        closing_organization_ids = None  # read at the first verified item: most lists have none
        number = 0
        for start in range(0, len(ids), EXPORT_BATCH):
            batch = ids[start:start + EXPORT_BATCH]
            values_by_id = {row[0]: row for row in self.env.execute_query(SQL("""
                SELECT item.id, item.name, item.problem, item.source, focus.title, item.measures,
                       partner.name, item.responsible_unit, item.deadline, item.mode,
                       item.completion_note, item.date_done, item.state,
                       verifier.name, item.date_verified, closer.name, item.date_closed, body.name,
                       item.organization_id,
                       (SELECT json_agg(json_build_object(
                                   'name', mechanism.name, 'number', mechanism.document_number,
                                   'date', mechanism.date_adopted) ORDER BY mechanism.date_adopted, mechanism.id)
                          FROM party_rectification_mechanism mechanism
                         WHERE mechanism.rectification_id = item.id)
                  FROM party_rectification item
             LEFT JOIN party_meeting_focus focus ON focus.id = item.focus_id
             LEFT JOIN res_users owner ON owner.id = item.responsible_user_id
             LEFT JOIN res_partner partner ON partner.id = owner.partner_id
             LEFT JOIN res_users verifier_user ON verifier_user.id = item.verified_by_id
             LEFT JOIN res_partner verifier ON verifier.id = verifier_user.partner_id
             LEFT JOIN res_users closer_user ON closer_user.id = item.closed_by_id
             LEFT JOIN res_partner closer ON closer.id = closer_user.partner_id
             LEFT JOIN party_upper_body body ON body.id = item.closing_body_id
                 WHERE item.id = ANY(%s)
            """, batch))}
            for item_id in batch:
                (_id, name, problem, source, focus, measures, owner, unit, deadline, mode,
                 completion_note, date_done, state, verifier, date_verified, closer, date_closed, body,
                 organization_id, mechanisms) = values_by_id[item_id]
                number += 1
                status = states.get(state, '')
                if state in ('open', 'in_progress') and deadline and deadline < today:
                    status = f'{status}（{overdue_label}）'
                progress = html_to_text(completion_note)
                if date_done:
                    done_on = self.env._('Finished on %(date)s', date=self._party_cn_date(date_done))
                    progress = f'{done_on}；{progress}' if progress else done_on
                # Both steps of checking the item off: the principal's, then the upper level's.
                steps = []
                if date_verified:
                    steps.append(self.env._('Verified by %(user)s on %(date)s', user=verifier or '',
                                            date=self._party_cn_date(date_verified)))
                if date_closed:
                    steps.append(self.env._('Closed with the upper level (%(body)s) by %(user)s on %(date)s',
                                            body=body or '', user=closer or '', date=self._party_cn_date(date_closed)))
                elif state == 'verified':
                    if closing_organization_ids is None:
                        closing_organization_ids = set(self._get_closing_organizations().ids)
                    if organization_id in closing_organization_ids:
                        steps.append(self.env._('Waiting for the upper level to close it'))
                if steps:
                    checked = '；'.join(steps)
                    progress = f'{progress}；{checked}' if progress else checked
                if mechanisms:
                    established = self.env._('Rules established: %(rules)s', rules='、'.join(
                        self._party_mechanism_text(mechanism) for mechanism in mechanisms))
                    progress = f'{progress}；{established}' if progress else established
                yield [
                    number, html_to_text(problem) or name, sources.get(source, ''), focus or '',
                    html_to_text(measures), owner or '', unit or '',
                    self._party_cn_date(deadline) if as_text else deadline,
                    modes.get(mode, ''), progress, status,
                ]

    def _party_mechanism_text(self, mechanism):
        """《Title》（document number，adopted on …） from a row of the list's query."""
        details = [mechanism['number']] if mechanism.get('number') else []
        if mechanism.get('date'):
            details.append(self.env._('adopted on %(date)s', date=self._party_cn_date(
                fields.Date.to_date(mechanism['date']))))
        return f'《{mechanism["name"]}》' + (f'（{"，".join(details)}）' if details else '')

    # PDF / Word

    def _party_blocks_rectification_list(self):
        team, personal = self._party_list_order()
        items = self.browse(team + personal)
        organizations = items.organization_id
        title = self.env._('Problem List and Rectification List')
        if len(organizations) == 1:
            title = self.env._('%(organization)s Problem List and Rectification List',
                               organization=organizations.name)
        return items._party_rectification_list_blocks(title)

    def _party_rectification_list_blocks(self, title, meeting=None):
        """Team items, then each member's, as the HR supervision section sends them upward;
        several organisations each get their own part."""
        columns = [(label, width) for label, width, _kind in self._party_list_columns()]
        # Every row in one pass (a query per 1,000 items), then cut into the tables: a list
        # of many organisations would otherwise cost queries per organisation and owner.
        rows = dict(zip(self.ids, self._party_list_rows(as_text=True)))
        self.responsible_user_id.mapped('name')  # the owners' headings, read once for all

        def table(items):
            return blk.table(columns, [[number, *rows[item_id][1:]] for number, item_id in enumerate(items.ids, 1)])

        blocks = [blk.title(title)]
        organizations = self.organization_id
        level = 1 if len(organizations) <= 1 else 2
        for organization in organizations:
            if level == 2:
                blocks.append(blk.heading(1, organization.name))
            items = self.filtered(lambda r, o=organization: r.organization_id == o)
            team = items.filtered(lambda r: r.scope == 'team')
            blocks.append(blk.heading(level, self.env._('Problems and rectification of the leadership team')))
            blocks.append(table(team) if team
                          else blk.paragraph(self.env._('None.')))
            blocks.append(blk.heading(level, self.env._('Problems and rectification of the team members')))
            personal = items - team
            members = {member.user_id: member for member in organization.member_ids}
            owners = personal.responsible_user_id.sorted(
                lambda u: (members[u].sequence if u in members else 10 ** 6, u.name))
            if not owners:
                blocks.append(blk.paragraph(self.env._('None.')))
            for owner in owners:
                position = members[owner].position if owner in members else False
                blocks.append(blk.heading(level + 1, f'{owner.name}（{position}）' if position else owner.name))
                owned = personal.filtered(lambda r, u=owner: r.responsible_user_id == u)
                blocks.append(table(owned))
        name = organizations.name if len(organizations) == 1 else ''
        blocks.append(blk.signature(name, self._party_cn_date(self._party_today())))
        return blocks

    # Excel

    def _party_xlsx_rectification_list(self, title=None):
        """Two sheets, the team's items and the members' items, streamed row by row."""
        title = title or self.env._('Problem List and Rectification List')
        writer = XlsxTableWriter()
        columns = self._party_list_columns()
        team_sheet, members_sheet = self.env._('Leadership Team'), self.env._('Team Members')
        self.check_access('read')
        team, personal = self._party_list_order()
        for ids, sheet in ((team, team_sheet), (personal, members_sheet)):
            writer.add_table_sheet(sheet, f'{title}（{sheet}）', columns, self.browse(ids)._party_list_rows(),
                                   row_count=len(ids))
        return writer.close()
