import base64
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from odoo.tests import TransactionCase, new_test_user


class PartyCase(TransactionCase):
    """One user per role and a five-member Party group like the reference case.

    zhao is the principal (secretary group), qian/sun/li/zhou are members, wu is the clerk,
    zheng an upper-level observer, wang a manager; outsider is a member of another group
    of the same company and plain_user an internal user without any of the addon's groups.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company

        def user(login, name, group):
            groups = 'base.group_user' + (f',party_democratic_life.group_party_{group}' if group else '')
            return new_test_user(cls.env, login=login, name=name, groups=groups, tz='Asia/Shanghai')

        cls.zhao = user('t_zhao', 'Zhao Dongping', 'secretary')
        cls.qian = user('t_qian', 'Qian Lixin', 'member')
        cls.sun = user('t_sun', 'Sun Weihua', 'member')
        cls.li = user('t_li', 'Li Mingyuan', 'member')
        cls.zhou = user('t_zhou', 'Zhou Jianguo', 'member')
        cls.wu = user('t_wu', 'Wu Xiaoyan', 'clerk')
        cls.zheng = user('t_zheng', 'Zheng Guoping', 'observer')
        cls.wang = user('t_wang', 'Wang Siqi', 'manager')
        cls.outsider = user('t_outsider', 'Feng Outsider', 'member')
        cls.plain_user = user('t_plain', 'Plain User', None)
        cls.members = cls.zhao | cls.qian | cls.sun | cls.li | cls.zhou

        # The upper level: a body whose person reads (the observer); reviewers are added where a
        # test needs them (tests/test_upper_review.py).
        cls.commission = cls.env['party.upper.body'].create({
            'name': 'County Discipline Commission', 'kind': 'discipline_commission', 'email': 'cdc@example.com',
            'user_ids': [(6, 0, cls.zheng.ids)]})
        cls.supervisor = cls.commission.partner_id
        cls.organization = cls.env['party.organization'].create({
            'name': 'Bureau Party Group',
            'kind': 'party_group',
            'lang': 'en_US',  # the tests read the documents in English; test_document_language reads them in Chinese
            'clerk_user_ids': [(6, 0, cls.wu.ids)],
            'upper_body_ids': [(6, 0, cls.commission.ids)],
            'member_ids': [
                (0, 0, {'user_id': user.id, 'sequence': index, 'is_principal': user == cls.zhao,
                        'position': 'Secretary' if user == cls.zhao else 'Member',
                        'duty_area': f'Area {index}', 'branch': 'Office Branch'})
                for index, user in enumerate(cls.members)
            ],
        })
        cls.other_organization = cls.env['party.organization'].create({
            'name': 'Other Party Group',
            'lang': 'en_US',
            'member_ids': [(0, 0, {'user_id': cls.outsider.id, 'is_principal': True})],
        })
        cls.meeting = cls.create_meeting()
        cls.env.cr.flush()

    @classmethod
    def new_reviewer(cls, login, name):
        """A person of an upper-level body with the Upper-level Reviewer role; which body (and so
        which organisations) is up to the test."""
        return new_test_user(cls.env, login=login, name=name, tz='Asia/Shanghai',
                             groups='base.group_user,party_democratic_life.group_party_reviewer')

    @contextmanager
    def assertRaisesRegex(self, exception, expected_regex):
        """Like unittest's, but inside the savepoint that Odoo's assertRaises opens, so a refused
        write leaves neither the database nor the cache changed."""
        with self.assertRaises(exception) as context:
            yield context
        self.assertRegex(str(context.exception), expected_regex)

    @classmethod
    def create_meeting(cls, **values):
        vals = {
            'name': 'Special Meeting 2022',
            'organization_id': cls.organization.id,
            'meeting_type': 'special',
            'year': 2021,
            'theme': 'Party history study',
            'date_start': datetime(2022, 1, 21, 0, 30),
            'duration': 4.0,
            'focus_ids': [(0, 0, {'title': f'Aspect {n}', 'sequence': n}) for n in range(1, 6)],
        }
        vals.update(values)
        return cls.env['party.meeting'].create(vals)

    @classmethod
    def make_talk(cls, meeting, user_a, user_b, done=True, **values):
        vals = {
            'meeting_id': meeting.id,
            'initiator_user_id': user_a.id,
            'counterpart_user_id': user_b.id,
            'date': '2022-01-10',
            'content': '<p>Talked through the key aspects.</p>',
            'duty_report': '<p>Duties carried out.</p>',
            'state': 'done' if done else 'planned',
        }
        vals.update(values)
        return cls.env['party.meeting.talk'].create(vals)

    @classmethod
    def make_rectification(cls, **values):
        vals = {
            'name': 'Training is not regular',
            'meeting_id': cls.meeting.id,
            'scope': 'personal',
            'responsible_user_id': cls.qian.id,
            'measures': '<p>Train every month.</p>',
            'deadline': '2022-04-15',  # within 90 days of the meeting: needs no milestone
        }
        vals.update(values)
        return cls.env['party.rectification'].create(vals)

    @classmethod
    def add_evidence(cls, item, name='evidence.pdf', data=b'%PDF-1.4\n%%EOF\n', user=None):
        """Attach an evidence file as the given user (default: superuser), as the form's upload does."""
        env = cls.env(user=user) if user else cls.env
        attachment = env['ir.attachment'].create({
            'name': name, 'datas': base64.b64encode(data),
            'res_model': 'party.rectification', 'res_id': item.id})
        item.with_env(env).evidence_attachment_ids = [(4, attachment.id)]
        return attachment

    @classmethod
    def make_criticisms(cls, meeting, minimum=2):
        """Each present member makes a self-criticism and receives `minimum` criticisms from
        the next present members, so the meeting can move to rectification."""
        present = meeting.attendee_ids.filtered(
            lambda a: a.role == 'member' and a.attendance == 'present').user_id
        vals_list = []
        for index, target in enumerate(present):
            vals_list.append({'meeting_id': meeting.id, 'target_user_id': target.id, 'kind': 'self',
                              'critic_user_id': target.id, 'content': f'<p>Self-criticism of {target.name}</p>'})
            for step in range(1, minimum + 1):
                critic = present[(index + step) % len(present)]
                vals_list.append({'meeting_id': meeting.id, 'target_user_id': target.id, 'kind': 'mutual',
                                  'critic_user_id': critic.id,
                                  'content': f'<p>{critic.name} on {target.name}</p>'})
        cls.make_statements(meeting)
        return cls.env['party.meeting.criticism'].create(vals_list)

    @classmethod
    def make_statements(cls, meeting):
        """Each present member's two statements of commitment (表态)."""
        for attendee in meeting._get_member_attendees().filtered(lambda a: a.attendance == 'present'):
            attendee.write({
                'responsibility_statement': attendee.responsibility_statement or 'I take my share of the team\'s problems.',
                'criticism_statement': attendee.criticism_statement or 'I accept the criticisms and will correct.',
            })

    @classmethod
    def make_ready(cls, meeting):
        """Complete the preparation of `meeting` so its readiness checklist passes and
        `action_hold` only checks what other rules add: a study session, an opinion, a branch
        representative and every required talk done, an approved outline for each member and
        the approved team material, an upper-level guide, and the plan sent in time."""
        organization = meeting.organization_id
        held_on = meeting.date_start.date() if meeting.date_start else date(2022, 1, 21)
        before = held_on - timedelta(days=1)
        for form in ('central_group', 'self_study'):
            if form not in meeting.study_ids.mapped('form'):
                cls.env['party.meeting.study'].create({
                    'meeting_id': meeting.id, 'date': before, 'form': form, 'topic': f'Party history ({form})',
                    'attendee_user_ids': [(6, 0, organization.member_user_ids.ids)],
                })
        if not meeting.opinion_ids:
            cls.env['party.meeting.opinion'].create({
                'meeting_id': meeting.id, 'date': before, 'concerns_team': True,
                'content': 'Visit the grassroots units more often.',
            })
        # Each member's branch and units, as the talks beyond the team need them.
        for member in organization.member_ids:
            if not member.branch:
                member.branch = 'Office Branch'
            if (member.duty_area and not member.is_principal
                    and member.user_id not in organization.unit_ids.member_user_id):
                cls.env['party.organization.unit'].create({
                    'organization_id': organization.id, 'name': f'Unit of {member.duty_area}',
                    'member_user_id': member.user_id.id, 'head_name': f'Head of {member.duty_area}'})
        Representative = cls.env['party.organization.representative']
        for branch in set(organization.member_ids.mapped('branch')) - set(organization.representative_ids.mapped('branch')):
            Representative.create({'organization_id': organization.id, 'name': f'Representative of {branch}',
                                   'branch': branch})
        representatives = {f'branch:{rep.branch}': rep for rep in organization.representative_ids if rep.branch}
        users = {f'user:{user.id}': user for user in organization.member_ids.user_id}
        for key, _label in meeting._get_missing_talk_pairs():
            member_key = min(k for k in key if k in users)
            other_key = next(iter(key - {member_key}), member_key)
            member = users[member_key]
            if other_key in users:
                cls.make_talk(meeting, member, users[other_key], date=before)
            elif other_key.startswith('user:'):
                cls.make_talk(meeting, member, cls.env['res.users'].browse(int(other_key[5:])), date=before)
            elif other_key.startswith('name:'):
                cls.make_talk(meeting, member, cls.env['res.users'], date=before, counterpart_name=other_key[5:])
            else:
                representative = representatives[other_key]
                cls.make_talk(meeting, member, representative.user_id, date=before,
                              representative_id=representative.id, counterpart_name=representative.name)
        Statement = cls.env['party.meeting.statement']
        wanted = [('personal', user) for user in organization.member_ids.user_id]
        wanted.append(('team', organization.principal_user_id))
        for kind, author in wanted:
            statement = meeting.statement_ids.filtered(
                lambda s: s.kind == kind and (kind == 'team' or s.author_user_id == author))[:1]
            if not statement:
                statement = Statement.create({'meeting_id': meeting.id, 'kind': kind, 'author_user_id': author.id})
            statement.section_ids.write({'content': '<p>Written in full.</p>'})
            statement.write({'state': 'approved', 'approved_date': before})
        if not meeting.attendee_ids.filtered(lambda a: a.role == 'guide'):
            guide = cls.env['res.partner'].create({'name': 'Upper-level Guide'})
            meeting.attendee_ids = [(0, 0, {'role': 'guide', 'partner_id': guide.id, 'sequence': 100})]
        latest = held_on - timedelta(days=organization.plan_lead_days)
        if not meeting.plan_sent_date or meeting.plan_sent_date > latest:
            meeting.plan_sent_date = latest
        # The upper level approved the plan and agreed to the meeting.
        meeting.write({'plan_state': 'approved', 'plan_approved_date': latest,
                       'consent_date': datetime.combine(before, datetime.min.time())})
        return meeting
