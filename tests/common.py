import base64
from contextlib import contextmanager
from datetime import datetime

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

        cls.supervisor = cls.env['res.partner'].create({'name': 'County Discipline Commission', 'email': 'cdc@example.com'})
        cls.organization = cls.env['party.organization'].create({
            'name': 'Bureau Party Group',
            'kind': 'party_group',
            'clerk_user_ids': [(6, 0, cls.wu.ids)],
            'observer_user_ids': [(6, 0, cls.zheng.ids)],
            'supervisor_partner_ids': [(6, 0, cls.supervisor.ids)],
            'member_ids': [
                (0, 0, {'user_id': user.id, 'sequence': index, 'is_principal': user == cls.zhao,
                        'position': 'Secretary' if user == cls.zhao else 'Member',
                        'duty_area': f'Area {index}'})
                for index, user in enumerate(cls.members)
            ],
        })
        cls.other_organization = cls.env['party.organization'].create({
            'name': 'Other Party Group',
            'member_ids': [(0, 0, {'user_id': cls.outsider.id, 'is_principal': True})],
        })
        cls.meeting = cls.create_meeting()
        cls.env.cr.flush()

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
            'talk_type': 'principal_member' if cls.zhao in (user_a | user_b) else 'member_member',
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
