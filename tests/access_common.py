import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from odoo.tests import new_test_user
from odoo.tools.misc import file_path

from .common import PartyCase

# The roles of the access matrix and the PartyCase user who plays each.
ROLE_USERS = {
    'observer': 'zheng',
    'member': 'qian',
    'clerk': 'wu',
    'secretary': 'zhao',
    'manager': 'wang',
    'internal user': 'plain_user',
    'reviewer': 'guo',
}


class AccessCase(PartyCase):
    """Organisation A (the PartyCase group) and organisation B of the same company, each with a
    meeting being prepared and one record of every kind: the "own", "team" and "other" records
    of the access matrix in README.md."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The upper level: a guide group with a reviewer supervises A (beside the commission,
        # whose person only reads).
        cls.guo = new_test_user(
            cls.env, login='t_guo', name='Guo Reviewer', tz='Asia/Shanghai',
            groups='base.group_user,party_democratic_life.group_party_reviewer')
        cls.guide_group = cls.env['party.upper.body'].create({
            'name': 'County Guide Group', 'kind': 'guide_group', 'user_ids': [(6, 0, cls.guo.ids)]})
        cls.organization.upper_body_ids = [(4, cls.guide_group.id)]
        cls.outsider2 = new_test_user(
            cls.env, login='t_outsider2', name='Gao Outsider', tz='Asia/Shanghai',
            groups='base.group_user,party_democratic_life.group_party_member')
        cls.spare = new_test_user(
            cls.env, login='t_spare', name='Spare Member', tz='Asia/Shanghai',
            groups='base.group_user,party_democratic_life.group_party_member')
        cls.org_a, cls.org_b = cls.organization, cls.other_organization
        cls.org_b.member_ids = [(0, 0, {'user_id': cls.outsider2.id, 'sequence': 2})]
        cls.template = cls.env.ref('party_democratic_life.party_statement_template_default')

        Unit, Representative = cls.env['party.organization.unit'], cls.env['party.organization.representative']
        cls.unit_a = Unit.create({'organization_id': cls.org_a.id, 'name': 'City Squad',
                                  'member_user_id': cls.qian.id, 'head_name': 'Head Ma'})
        cls.unit_b = Unit.create({'organization_id': cls.org_b.id, 'name': 'Town Squad',
                                  'member_user_id': cls.outsider.id, 'head_name': 'Head Niu'})
        cls.rep_a = Representative.create({'organization_id': cls.org_a.id, 'name': 'Rep Liu', 'branch': 'Office'})
        cls.rep_b = Representative.create({'organization_id': cls.org_b.id, 'name': 'Rep Hu', 'branch': 'Office'})

        cls.meeting_a = cls.meeting
        cls.meeting_b = cls.create_meeting(name='Other Group Meeting', organization_id=cls.org_b.id)
        (cls.meeting_a | cls.meeting_b).action_prepare()
        # Drafts of a later meeting in each organisation: where new outlines and lines go.
        cls.next_a = cls.create_meeting(name='Next Meeting', year=2022, date_start=datetime(2022, 7, 1, 1, 0))
        cls.next_b = cls.create_meeting(name='Next Other Meeting', year=2022, date_start=datetime(2022, 7, 1, 1, 0),
                                        organization_id=cls.org_b.id)
        # A check line each can be added again (every meeting is created with all of them).
        (cls.next_a | cls.next_b).readiness_ids.filtered(lambda r: r.code == 'study').unlink()

        cls.talk_qian_sun = cls.make_talk(cls.meeting_a, cls.qian, cls.sun)
        cls.talk_zhao_li = cls.make_talk(cls.meeting_a, cls.zhao, cls.li)
        cls.talk_li_zhou = cls.make_talk(cls.meeting_a, cls.li, cls.zhou)
        cls.talk_b = cls.make_talk(cls.meeting_b, cls.outsider, cls.outsider2)

        Criticism = cls.env['party.meeting.criticism']
        cls.crit_qian_sun = Criticism.create({
            'meeting_id': cls.meeting_a.id, 'critic_user_id': cls.qian.id, 'target_user_id': cls.sun.id,
            'content': '<p>Rarely on the ground.</p>'})
        cls.crit_li_zhou = Criticism.create({
            'meeting_id': cls.meeting_a.id, 'critic_user_id': cls.li.id, 'target_user_id': cls.zhou.id,
            'content': '<p>Reports late.</p>'})
        cls.crit_b = Criticism.create({
            'meeting_id': cls.meeting_b.id, 'critic_user_id': cls.outsider.id, 'target_user_id': cls.outsider2.id,
            'content': '<p>Other group.</p>'})

        Study = cls.env['party.meeting.study']
        cls.study_a = Study.create({'meeting_id': cls.meeting_a.id, 'topic': 'Party history', 'date': '2022-01-10'})
        cls.study_b = Study.create({'meeting_id': cls.meeting_b.id, 'topic': 'Other study', 'date': '2022-01-10'})

        Remark = cls.env['party.meeting.remark']
        cls.remark_a = Remark.create({'meeting_id': cls.meeting_a.id, 'body': 'guide_group', 'speaker': 'Guide Tang',
                                      'content': '<p>The criticisms were too mild.</p>'})
        cls.remark_b = Remark.create({'meeting_id': cls.meeting_b.id, 'body': 'guide_group', 'speaker': 'Guide Tang',
                                      'content': '<p>Other group.</p>'})

        Opinion = cls.env['party.meeting.opinion']
        cls.opinion_team_a = Opinion.create({'meeting_id': cls.meeting_a.id, 'content': 'Visit the units more.'})
        cls.opinion_sun = Opinion.create({
            'meeting_id': cls.meeting_a.id, 'content': 'Sun decides alone.', 'concerns_team': False,
            'concerned_user_ids': [(6, 0, cls.sun.ids)]})
        cls.opinion_team_b = Opinion.create({'meeting_id': cls.meeting_b.id, 'content': 'Other group opinion.'})

        def outline(meeting, author):
            return meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == author)

        cls.outline_qian, cls.outline_sun = outline(cls.meeting_a, cls.qian), outline(cls.meeting_a, cls.sun)
        cls.outline_zhao = outline(cls.meeting_a, cls.zhao)
        cls.team_material = cls.meeting_a.statement_ids.filtered(lambda s: s.kind == 'team')
        cls.outline_b = outline(cls.meeting_b, cls.outsider)
        for statement in cls.outline_qian | cls.outline_sun | cls.outline_zhao | cls.team_material | cls.outline_b:
            statement.problem_ids = [(0, 0, {'problem': f'Problem of {statement.display_name}'})]
        # What went up: the team material, under the guide group's review; the principal's own
        # outline, returned by it and being reworked.
        cls.team_material.write({'state': 'upper_review', 'sent_up': True, 'submitted_date': '2022-01-14'})
        cls.outline_zhao.write({'state': 'returned', 'sent_up': True, 'review_comment': 'Go deeper.'})
        Round = cls.env['party.review.round']
        cls.round_a = Round._open_round(cls.meeting_a, 'team', cls.team_material)
        cls.round_b = Round._open_round(cls.meeting_b, 'plan')
        cls.body_b = cls.env['party.upper.body'].create({
            'name': 'Second Commission', 'kind': 'discipline_commission',
            'organization_ids': [(6, 0, cls.org_b.ids)]})

        cls.item_qian = cls.make_rectification(name='Training is not regular')
        cls.item_sun = cls.make_rectification(name='Slow case handling', responsible_user_id=cls.sun.id)
        cls.item_b = cls.make_rectification(name='Other group item', meeting_id=cls.meeting_b.id,
                                            responsible_user_id=cls.outsider.id)
        # Matters to explain: each makes its line in the member's outline; the spare ones have
        # none yet, for the "create" cells.
        Disclosure = cls.env['party.meeting.disclosure']
        cls.disclosures = {
            user: Disclosure.create({'meeting_id': meeting.id, 'member_user_id': user.id, 'kind': 'inquiry',
                                     'description': f'Inquiry about {user.name}'})
            for meeting, user in ((cls.meeting_a, cls.qian), (cls.meeting_a, cls.sun), (cls.meeting_a, cls.zhao),
                                  (cls.meeting_b, cls.outsider))
        }
        cls.spare_disclosures = {
            user: Disclosure.create({'meeting_id': meeting.id, 'member_user_id': user.id, 'kind': 'public_complaint',
                                     'description': f'Complaint about {user.name}'})
            for meeting, user in ((cls.meeting_a, cls.qian), (cls.meeting_a, cls.zhao), (cls.meeting_b, cls.outsider))
        }
        for disclosure in cls.spare_disclosures.values():
            disclosure.explanation_ids.unlink()

        Mechanism = cls.env['party.rectification.mechanism']
        cls.mechanisms = {
            item: Mechanism.create({'rectification_id': item.id, 'name': f'Rule of {item.name}', 'kind': 'regulation'})
            for item in cls.item_qian | cls.item_sun | cls.item_b
        }
        Milestone = cls.env['party.rectification.milestone']
        cls.milestones = {
            item: Milestone.create({'rectification_id': item.id, 'date': '2022-03-01', 'goal': f'Step of {item.name}'})
            for item in cls.item_qian | cls.item_sun | cls.item_b
        }
        # Upper-level notices: an organization department above each organisation, each with an
        # issued notice of a year and kind that none of the meetings here has.
        Body = cls.env['party.upper.body']
        cls.department_a = Body.create({'name': 'County Organization Department', 'kind': 'organization_department'})
        cls.department_b = Body.create({'name': 'City Organization Department', 'kind': 'organization_department'})
        cls.org_a.upper_body_ids = [(4, cls.department_a.id)]
        cls.org_b.upper_body_ids = [(4, cls.department_b.id)]
        cls.notice_a, cls.notice_b = (
            cls.env['party.upper.notice'].create({
                'name': f'Notice of {body.name}', 'body_id': body.id, 'year': 2021, 'meeting_type': 'annual',
                'theme': 'Study and act', 'window_start': '2022-01-10', 'window_end': '2022-01-31',
                'aspect_ids': [(0, 0, {'title': 'Aspect of the county', 'description': 'As the notice says.'})]})
            for body in (cls.department_a, cls.department_b))
        (cls.notice_a | cls.notice_b).action_issue()
        # Submission packages: A's sent to the commission and the guide group, B's to B's commission.
        Package = cls.env['party.meeting.package']
        cls.package_a, cls.package_b = (
            Package.create({'meeting_id': meeting.id, 'state': 'sent', 'sent_on': '2022-01-30',
                            'recipient_ids': [(0, 0, {'body_id': body.id, 'sent_on': datetime(2022, 1, 30)})
                                              for body in bodies]})
            for meeting, bodies in ((cls.meeting_a, cls.commission | cls.guide_group), (cls.meeting_b, cls.body_b)))
        cls.env.cr.flush()

    @classmethod
    def role_user(cls, role):
        return getattr(cls, ROLE_USERS[role])


MATRIX_START, MATRIX_END = '<!-- access-matrix:start -->', '<!-- access-matrix:end -->'
COLUMNS = ('read own', 'read team', 'read other', 'create', 'create other',
           'write own', 'write team', 'write other', 'delete own')
CELL_VALUES = {'yes': True, 'no': False, '—': None}


def read_tables():
    """The markdown tables of the README's access section, as lists of {column: cell}."""
    with open(file_path('party_democratic_life/README.md'), encoding='utf-8') as readme:
        text = readme.read()
    section = text.split(MATRIX_START, 1)[1].split(MATRIX_END, 1)[0]
    tables, header = [], None
    for line in section.splitlines():
        if not line.startswith('|'):
            header = None
            continue
        cells = [cell.strip().strip('`') for cell in line.strip().strip('|').split('|')]
        if header is None:
            header = cells
            tables.append([])
        elif not re.fullmatch(r'[-: |]+', line):
            tables[-1].append(dict(zip(header, cells)))
    return tables


def read_matrix():
    """The access matrix as {(model, role): {column: True/False/None}}."""
    table = next(table for table in read_tables() if table and 'model' in table[0])
    return {(row['model'], row['role']): {column: CELL_VALUES[row[column]] for column in COLUMNS} for row in table}


def read_documents():
    """The documents table as {(model, kind, role): (formats, {'own'|'team'|'other': True/False/None})}."""
    table = next(table for table in read_tables() if table and 'document' in table[0])
    return {
        (*row['document'].split('/'), row['role']): (
            frozenset(row['formats'].split()), {kind: CELL_VALUES[row[kind]] for kind in ('own', 'team', 'other')})
        for row in table
    }


@dataclass
class Spec:
    """How to find or make each record of a model's row; every callable gets (case, role)."""
    own: Callable
    other: Callable
    create: Callable
    team: Callable = None
    create_other: Callable = None
    write: dict | Callable = field(default_factory=dict)  # or (record) -> values
    delete: Callable = None  # a fresh record to delete; default: a fresh copy of the create values
    read_field: str = 'display_name'
    can_sudo: bool = True  # whether the superuser may do what the cells test (False for the SQL view)


def _other_user(case, role):
    return case.wang if role == 'secretary' else case.zhao


def _outline(case, role):
    return {'observer': case.team_material, 'reviewer': case.team_material, 'member': case.outline_qian,
            'clerk': case.team_material, 'secretary': case.outline_zhao}.get(role, case.outline_qian)


def _outline_vals(case, role):
    if role == 'clerk':
        return {'meeting_id': case.next_a.id, 'kind': 'team', 'author_user_id': case.wu.id}
    author = case.zhao if role == 'secretary' else case.qian
    return {'meeting_id': case.next_a.id, 'kind': 'personal', 'author_user_id': author.id}


def _explained(case, role):
    """The outline whose answers the role works with: the author's own, the reviewed one for
    the observer (upper reviewer of the principal's outline)."""
    return {'observer': case.outline_zhao, 'reviewer': case.outline_zhao,
            'secretary': case.outline_zhao}.get(role, case.outline_qian)


def _explanation_vals(case, role):
    outline = _explained(case, role)
    return {'statement_id': outline.id, 'disclosure_id': case.spare_disclosures[outline.author_user_id].id}


def _reviewed(case, role):
    return {'observer': case.team_material, 'reviewer': case.team_material,
            'secretary': case.outline_qian}.get(role, case.outline_qian)


def _wizard(model, vals):
    def make(case, role, user=None):
        user = user or case.role_user(role)
        return case.env[model].with_user(user).sudo().create(vals(case, role))
    return make


def _waive_vals(case, role):
    return {'readiness_id': case.meeting_a.readiness_ids.filtered(lambda r: r.code == 'guide').id, 'reason': 'No guide'}


def _plan_return_vals(case, role):
    return {'meeting_ids': [(6, 0, case.meeting_a.ids)], 'comment': 'Name the cases.'}


def _closing_return_vals(case, role):
    return {'rectification_ids': [(6, 0, case.item_qian.ids)], 'reason': 'The evidence is missing.'}


def _return_vals(case, role):
    return {'statement_ids': [(6, 0, _reviewed(case, role).ids)], 'comment': 'Say more about the causes.'}


def _package_return_vals(case, role):
    return {'package_id': case.package_a.id, 'comment': 'Add the rectification lists.'}


def _assess_vals(case, role):
    return {'meeting_id': case.meeting_a.id, 'grade': 'good', 'body_id': case.commission.id}


def _lines(model, own, other, vals, write):
    """A line of the meeting (participant, key aspect, agenda, study): A's and B's."""
    return Spec(
        own=own, other=other, write=write,
        create=lambda case, role: dict(vals(case), meeting_id=case.meeting_a.id),
        create_other=lambda case, role: dict(vals(case), meeting_id=case.meeting_b.id),
    )


def _org_lines(model, vals, write):
    """A line of the organisation (team member, unit, representative)."""
    def first(organization):
        return lambda case, role: case.env[model].search([('organization_id', '=', getattr(case, organization).id)],
                                                         limit=1, order='id desc')
    return Spec(
        own=first('org_a'), other=first('org_b'), write=write,
        create=lambda case, role: dict(vals(case, case.org_a), organization_id=case.org_a.id),
        create_other=lambda case, role: dict(vals(case, case.org_b), organization_id=case.org_b.id),
    )


SPECS = {
    'party.organization': Spec(
        own=lambda case, role: case.org_a, other=lambda case, role: case.org_b,
        create=lambda case, role: {'name': 'New Party Group'},
        write={'sequence': 11},
        delete=lambda case, role: case.env['party.organization'].create({
            'name': 'Short-lived Group', 'clerk_user_ids': [(6, 0, case.wu.ids)],
            'upper_body_ids': [(6, 0, case.commission.ids)],
            'member_ids': [(0, 0, {'user_id': case.zhao.id, 'is_principal': True}),
                           (0, 0, {'user_id': case.qian.id})]}),
    ),
    'party.organization.member': _org_lines(
        'party.organization.member', lambda case, org: {'user_id': case.spare.id, 'position': 'Member'},
        {'position': 'Deputy'}),
    'party.organization.unit': _org_lines(
        'party.organization.unit',
        lambda case, org: {'name': 'New Unit', 'head_name': 'Head Wu', 'member_user_id': org.principal_user_id.id},
        {'name': 'Renamed Unit'}),
    'party.organization.representative': _org_lines(
        'party.organization.representative', lambda case, org: {'name': 'Rep New', 'branch': 'Office'},
        {'branch': 'Other Branch'}),
    'party.meeting': Spec(
        own=lambda case, role: case.meeting_a, other=lambda case, role: case.meeting_b,
        create=lambda case, role: {'name': 'New Meeting', 'organization_id': case.org_a.id, 'year': 2023,
                                   'meeting_type': 'special', 'theme': 'A theme'},
        create_other=lambda case, role: {'name': 'New Meeting', 'organization_id': case.org_b.id, 'year': 2023,
                                         'meeting_type': 'special', 'theme': 'A theme'},
        write={'location': 'Room 5'},
        read_field='minutes',
    ),
    'party.meeting.attendee': _lines(
        'party.meeting.attendee',
        own=lambda case, role: case.meeting_a.attendee_ids.filtered(lambda a: a.user_id == case.qian),
        other=lambda case, role: case.meeting_b.attendee_ids.filtered(lambda a: a.user_id == case.outsider),
        vals=lambda case: {'role': 'sit_in', 'partner_id': case.supervisor.id},
        write={'position': 'Member (acting)'}),
    'party.meeting.focus': _lines(
        'party.meeting.focus',
        own=lambda case, role: case.meeting_a.focus_ids[:1], other=lambda case, role: case.meeting_b.focus_ids[:1],
        vals=lambda case: {'title': 'New aspect'}, write={'description': 'Explained.'}),
    'party.meeting.agenda': _lines(
        'party.meeting.agenda',
        own=lambda case, role: case.meeting_a.agenda_ids[:1], other=lambda case, role: case.meeting_b.agenda_ids[:1],
        vals=lambda case: {'item': 'New item'}, write={'speaker': 'The principal'}),
    'party.meeting.study': _lines(
        'party.meeting.study',
        own=lambda case, role: case.study_a, other=lambda case, role: case.study_b,
        vals=lambda case: {'topic': 'New study', 'date': '2022-01-12'}, write={'materials': 'The speeches.'}),
    'party.meeting.remark': _lines(
        'party.meeting.remark',
        own=lambda case, role: case.remark_a, other=lambda case, role: case.remark_b,
        vals=lambda case: {'body': 'discipline_commission', 'speaker': 'Commissioner Lu'},
        write={'speaker': 'Commissioner Lu Jun'}),
    'party.meeting.talk': Spec(
        own=lambda case, role: case.talk_zhao_li if role == 'secretary' else case.talk_qian_sun,
        team=lambda case, role: case.talk_li_zhou, other=lambda case, role: case.talk_b,
        create=lambda case, role: {'meeting_id': case.meeting_a.id, 'initiator_user_id': case.qian.id,
                                   'counterpart_user_id': case.zhou.id},
        create_other=lambda case, role: {'meeting_id': case.meeting_b.id, 'initiator_user_id': case.outsider.id,
                                         'counterpart_user_id': case.outsider2.id},
        write={'location': 'Office'}, read_field='content',
    ),
    'party.meeting.criticism': Spec(
        own=lambda case, role: case.crit_qian_sun, team=lambda case, role: case.crit_li_zhou,
        other=lambda case, role: case.crit_b,
        create=lambda case, role: {'meeting_id': case.meeting_a.id, 'critic_user_id': case.qian.id,
                                   'target_user_id': case.li.id, 'content': '<p>New point.</p>'},
        create_other=lambda case, role: {'meeting_id': case.meeting_b.id, 'critic_user_id': case.outsider2.id,
                                         'target_user_id': case.outsider.id, 'content': '<p>New point.</p>'},
        write={'response': '<p>Noted.</p>'}, read_field='content',
        delete=lambda case, role: case.crit_qian_sun,
    ),
    'party.meeting.opinion': Spec(
        own=lambda case, role: case.opinion_team_a, team=lambda case, role: case.opinion_sun,
        other=lambda case, role: case.opinion_team_b,
        create=lambda case, role: {'meeting_id': case.meeting_a.id, 'content': 'New opinion.'},
        create_other=lambda case, role: {'meeting_id': case.meeting_b.id, 'content': 'New opinion.'},
        write={'channel': 'visit'}, read_field='content',
    ),
    'party.meeting.statement': Spec(
        own=_outline, team=lambda case, role: case.outline_sun, other=lambda case, role: case.outline_b,
        create=_outline_vals,
        create_other=lambda case, role: {'meeting_id': case.next_b.id, 'kind': 'personal',
                                         'author_user_id': case.outsider.id},
        write=lambda record: {'template_id': record.template_id.id}, read_field='body_html',
    ),
    'party.meeting.statement.section': Spec(
        own=lambda case, role: _outline(case, role).section_ids[:1],
        team=lambda case, role: case.outline_sun.section_ids[:1],
        other=lambda case, role: case.outline_b.section_ids[:1],
        create=lambda case, role: {'statement_id': _outline(case, role).id, 'name': 'Extra section'},
        create_other=lambda case, role: {'statement_id': case.outline_b.id, 'name': 'Extra section'},
        write={'content': '<p>Written.</p>'}, read_field='content',
    ),
    'party.meeting.statement.problem': Spec(
        own=lambda case, role: _outline(case, role).problem_ids[:1],
        team=lambda case, role: case.outline_sun.problem_ids[:1],
        other=lambda case, role: case.outline_b.problem_ids[:1],
        create=lambda case, role: {'statement_id': _outline(case, role).id, 'problem': 'Another problem'},
        create_other=lambda case, role: {'statement_id': case.outline_b.id, 'problem': 'Another problem'},
        write={'cause': 'Too little study.'}, read_field='problem',
    ),
    'party.meeting.statement.explanation': Spec(
        own=lambda case, role: _explained(case, role).explanation_ids[:1],
        team=lambda case, role: case.outline_sun.explanation_ids[:1],
        other=lambda case, role: case.outline_b.explanation_ids[:1],
        create=_explanation_vals,
        create_other=lambda case, role: {'statement_id': case.outline_b.id,
                                         'disclosure_id': case.spare_disclosures[case.outsider].id},
        write={'explanation': 'Explained in full.'}, read_field='explanation',
    ),
    'party.meeting.disclosure': Spec(
        own=lambda case, role: case.disclosures[case.qian], team=lambda case, role: case.disclosures[case.sun],
        other=lambda case, role: case.disclosures[case.outsider],
        create=lambda case, role: {'meeting_id': case.meeting_a.id, 'member_user_id': case.qian.id,
                                   'kind': 'major_matter', 'description': 'A new matter'},
        create_other=lambda case, role: {'meeting_id': case.meeting_b.id, 'member_user_id': case.outsider2.id,
                                         'kind': 'major_matter', 'description': 'A new matter'},
        write={'description': 'Reworded'}, read_field='description',
    ),
    'party.rectification.mechanism': Spec(
        own=lambda case, role: case.mechanisms[case.item_qian], team=lambda case, role: case.mechanisms[case.item_sun],
        other=lambda case, role: case.mechanisms[case.item_b],
        create=lambda case, role: {'rectification_id': case.item_qian.id, 'name': 'New rule'},
        create_other=lambda case, role: {'rectification_id': case.item_b.id, 'name': 'New rule'},
        write={'document_number': 'No. 2'},
    ),
    'party.meeting.readiness': Spec(
        own=lambda case, role: case.meeting_a.readiness_ids[:1], other=lambda case, role: case.meeting_b.readiness_ids[:1],
        create=lambda case, role: {'meeting_id': case.next_a.id, 'code': 'study'},
        create_other=lambda case, role: {'meeting_id': case.next_b.id, 'code': 'study'},
        write={'sequence': 99},
        delete=lambda case, role: case.next_a.readiness_ids[:1],
    ),
    'party.statement.template': Spec(
        own=lambda case, role: case.template, other=None,
        create=lambda case, role: {'name': 'New Template'}, write={'sequence': 5},
    ),
    'party.statement.template.section': Spec(
        own=lambda case, role: case.template.section_ids[:1], other=None,
        create=lambda case, role: {'template_id': case.template.id, 'name': 'New Heading'},
        write={'guidance': 'Write plainly.'},
    ),
    'party.rectification': Spec(
        own=lambda case, role: case.item_qian, team=lambda case, role: case.item_sun,
        other=lambda case, role: case.item_b,
        create=lambda case, role: {'name': 'New item', 'meeting_id': case.meeting_a.id, 'scope': 'personal',
                                   'responsible_user_id': case.qian.id, 'deadline': '2022-04-15'},
        create_other=lambda case, role: {'name': 'New item', 'meeting_id': case.meeting_b.id, 'scope': 'personal',
                                         'responsible_user_id': case.outsider.id, 'deadline': '2022-04-15'},
        write={'responsible_unit': 'Office'}, read_field='problem',
    ),
    'party.rectification.milestone': Spec(
        own=lambda case, role: case.milestones[case.item_qian], team=lambda case, role: case.milestones[case.item_sun],
        other=lambda case, role: case.milestones[case.item_b],
        create=lambda case, role: {'rectification_id': case.item_qian.id, 'date': '2022-03-15', 'goal': 'New step'},
        create_other=lambda case, role: {'rectification_id': case.item_b.id, 'date': '2022-03-15', 'goal': 'New step'},
        write={'goal': 'Renamed step'},
    ),
    'party.rectification.overview': Spec(
        own=lambda case, role: case.env['party.rectification.overview'].browse(case.org_a.id),
        other=lambda case, role: case.env['party.rectification.overview'].browse(case.org_b.id),
        create=lambda case, role: {'organization_id': case.org_a.id}, write={'item_count': 0},
        delete=lambda case, role: case.env['party.rectification.overview'].browse(case.org_a.id),
        read_field='on_time_rate', can_sudo=False,
    ),
    'party.meeting.readiness.waive': Spec(
        own=_wizard('party.meeting.readiness.waive', _waive_vals),
        other=lambda case, role: _wizard('party.meeting.readiness.waive', _waive_vals)(
            case, role, _other_user(case, role)),
        create=_waive_vals,
        create_other=lambda case, role: dict(_waive_vals(case, role), readiness_id=case.meeting_b.readiness_ids.filtered(
            lambda r: r.code == 'guide').id),
        write={'reason': 'A better reason'}, read_field='reason',
        delete=_wizard('party.meeting.readiness.waive', _waive_vals),
    ),
    'party.upper.notice': Spec(
        own=lambda case, role: case.notice_a, other=lambda case, role: case.notice_b,
        create=lambda case, role: {'name': 'New Notice', 'body_id': case.department_a.id, 'year': 2023},
        create_other=lambda case, role: {'name': 'New Notice', 'body_id': case.department_b.id, 'year': 2023},
        write={'theme': 'A clearer theme'}, read_field='theme',
    ),
    'party.upper.notice.aspect': Spec(
        own=lambda case, role: case.notice_a.aspect_ids[:1], other=lambda case, role: case.notice_b.aspect_ids[:1],
        create=lambda case, role: {'notice_id': case.notice_a.id, 'title': 'Another aspect'},
        create_other=lambda case, role: {'notice_id': case.notice_b.id, 'title': 'Another aspect'},
        write={'description': 'Explained further.'}, read_field='description',
    ),
    'party.meeting.statement.return': Spec(
        own=_wizard('party.meeting.statement.return', _return_vals),
        other=lambda case, role: _wizard('party.meeting.statement.return', _return_vals)(
            case, role, _other_user(case, role)),
        create=_return_vals,
        create_other=lambda case, role: {'statement_ids': [(6, 0, case.outline_b.ids)], 'comment': 'No.'},
        write={'comment': 'Say more.'}, read_field='comment',
        delete=_wizard('party.meeting.statement.return', _return_vals),
    ),
    'party.upper.body': Spec(
        own=lambda case, role: case.commission, other=lambda case, role: case.body_b,
        create=lambda case, role: {'name': 'New Body', 'kind': 'other', 'organization_ids': [(6, 0, case.org_a.ids)]},
        create_other=lambda case, role: {'name': 'New Body', 'kind': 'other',
                                         'organization_ids': [(6, 0, case.org_b.ids)]},
        write={'email': 'body@example.com'},
    ),
    'party.review.round': Spec(
        own=lambda case, role: case.round_a, other=lambda case, role: case.round_b,
        create=lambda case, role: {'meeting_id': case.meeting_a.id, 'document': 'plan'},
        create_other=lambda case, role: {'meeting_id': case.meeting_b.id, 'document': 'plan'},
        write={'comment': 'Rewritten.'}, read_field='comment',
    ),
    'party.meeting.plan.return': Spec(
        own=_wizard('party.meeting.plan.return', _plan_return_vals),
        other=lambda case, role: _wizard('party.meeting.plan.return', _plan_return_vals)(
            case, role, _other_user(case, role)),
        create=_plan_return_vals,
        create_other=lambda case, role: {'meeting_ids': [(6, 0, case.meeting_b.ids)], 'comment': 'No.'},
        write={'comment': 'Say more.'}, read_field='comment',
        delete=_wizard('party.meeting.plan.return', _plan_return_vals),
    ),
    # Only a reviewer of a supervising organization department opens it: the reviewer here
    # reviews for a guide group, so creating one is refused (tests/test_rectification_closing.py).
    'party.rectification.return': Spec(
        own=_wizard('party.rectification.return', _closing_return_vals),
        other=lambda case, role: _wizard('party.rectification.return', _closing_return_vals)(
            case, role, _other_user(case, role)),
        create=_closing_return_vals,
        create_other=lambda case, role: {'rectification_ids': [(6, 0, case.item_b.ids)], 'reason': 'No.'},
        write={'reason': 'Say more.'}, read_field='reason',
        delete=_wizard('party.rectification.return', _closing_return_vals),
    ),

    'party.meeting.assess': Spec(
        own=_wizard('party.meeting.assess', _assess_vals),
        other=lambda case, role: _wizard('party.meeting.assess', _assess_vals)(case, role, _other_user(case, role)),
        create=_assess_vals,
        create_other=lambda case, role: dict(_assess_vals(case, role), meeting_id=case.meeting_b.id),
        write={'preparation': 'Prepared with care.'}, read_field='preparation',
        delete=_wizard('party.meeting.assess', _assess_vals),
    ),
    'party.meeting.package': Spec(
        own=lambda case, role: case.package_a, other=lambda case, role: case.package_b,
        create=lambda case, role: {'meeting_id': case.meeting_a.id, 'version': 2},
        create_other=lambda case, role: {'meeting_id': case.meeting_b.id, 'version': 2},
        write={'version': 3}, read_field='version',
    ),
    'party.meeting.package.recipient': Spec(
        own=lambda case, role: case.package_a.recipient_ids[:1], other=lambda case, role: case.package_b.recipient_ids[:1],
        create=lambda case, role: {'package_id': case.package_a.id, 'body_id': case.department_a.id},
        create_other=lambda case, role: {'package_id': case.package_b.id, 'body_id': case.department_b.id},
        write={'comment': 'Signed late.'}, read_field='sent_on',
    ),
    'party.meeting.package.return': Spec(
        own=_wizard('party.meeting.package.return', _package_return_vals),
        other=lambda case, role: _wizard('party.meeting.package.return', _package_return_vals)(
            case, role, _other_user(case, role)),
        create=_package_return_vals,
        create_other=lambda case, role: {'package_id': case.package_b.id, 'comment': 'No.'},
        write={'comment': 'Say more.'}, read_field='comment',
        delete=_wizard('party.meeting.package.return', _package_return_vals),
    ),
}
