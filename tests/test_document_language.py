from odoo.tests import tagged

from .common_documents import HeldMeetingCase


@tagged('post_install', '-at_install')
class TestDocumentLanguage(HeldMeetingCase):
    """Documents speak the organisation's language and keep its time, whoever composes or prints
    them: the fixture's users read English, the organisation writes Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.organization.lang = 'zh_CN'
        cls.env.cr.flush()

    def test_install_activates_chinese_with_the_addons_terms(self):
        self.assertIn('zh_CN', dict(self.env['res.lang'].get_installed()))
        part_three = self.env.ref('party_democratic_life.party_statement_template_section_matters')
        self.assertEqual(part_three.with_context(lang='zh_CN').name, '个人重大事项和有关问题说明')
        new = self.env['party.organization'].create({'name': 'New Group'})
        self.assertEqual((new.lang, new._party_tz_name(reader=False)), ('zh_CN', 'Asia/Shanghai'), 'the defaults of a new organisation')

    def test_composed_in_the_organisations_language(self):
        self.assertEqual(self.wu.lang, 'en_US')
        meeting = self.meeting.with_user(self.wu)
        meeting.action_compose_minutes()
        meeting.action_compose_report()
        meeting.action_compose_notice()
        minutes, report, notice = self.meeting.minutes, self.meeting.report_body, self.meeting.notice_body
        self.assertIn('批评和自我批评', minutes)
        self.assertIn('2022年1月21日8时30分', report)
        self.assertIn('应谈', report)
        for english in ('Minutes', 'Criticism and Self-criticism', 'Basic facts', 'Public Notice', 'Present'):
            self.assertNotIn(english, minutes + report + notice)
        # composed once: the title, the facts and the signature are the printed layout's
        for text, title in ((minutes, '会议纪要'), (report, '情况报告'), (notice, '通报')):
            self.assertNotIn(title, text)
            self.assertNotIn('Bureau Party Group</p>', text)
        printed = self.html_text(self.render_html(
            'party_democratic_life.action_report_party_meeting_minutes', self.meeting, user=self.wu))
        self.assertIn('会议纪要', printed)
        self.assertIn('时间：2022年1月21日8时30分', printed)
        self.assertIn('批评和自我批评', printed)
        self.assertEqual(printed.count('会议纪要'), 1, 'the title once, from the layout')

    def test_the_bureaus_own_words(self):
        """The terms of the plan and of the screens, as the bureau writes them."""
        text = self.html_text(self.render_html(
            'party_democratic_life.action_report_party_meeting_plan', self.meeting, user=self.zhao))
        for expected in ('会议时间约半天', '无特殊情况不安排出差出访，原则上不得请假', '应谈', '人次、已谈'):
            self.assertIn(expected, text)
        self.meeting.date_start = False
        text = self.html_text(self.render_html(
            'party_democratic_life.action_report_party_meeting_notice', self.meeting, user=self.zhao))
        self.assertIn('时间另行通知', text)
        env = self.env(context={'lang': 'zh_CN'})

        def label(model, field, key=None):
            field = env[model]._fields[field]
            return dict(field._description_selection(env))[key] if key else field._description_string(env)
        self.assertEqual(label('party.meeting', 'state', 'done'), '已办结')
        self.assertEqual(label('party.rectification', 'state', 'verified'), '已核验')
        self.assertEqual(label('party.rectification', 'verified_by_id'), '核验人')
        self.assertEqual(label('party.rectification', 'state', 'closed'), '已与上级对账销号')
        self.assertEqual(label('party.meeting.talk', 'initiator_user_id'), '谈话人')
        self.assertEqual(label('party.meeting.criticism', 'content'), '内容')
        self.assertEqual(label('party.meeting.statement.section', 'content'), '内容')
        self.assertEqual(label('party.meeting', 'special_reason'), '召开专题民主生活会的缘由')
        self.assertEqual(label('party.meeting.attendee', 'role', 'guide'), '上级到会指导人员')
        self.assertEqual(label('party.organization.unit', 'head_name'), '单位主要负责同志')

    def test_time_of_the_organisation_not_of_the_reader(self):
        self.wu.tz = 'Europe/Paris'
        self.meeting.with_user(self.wu).action_compose_report()
        self.assertIn('2022年1月21日8时30分', self.meeting.report_body)
        printed = self.html_text(self.render_html(
            'party_democratic_life.action_report_party_meeting_minutes', self.meeting, user=self.wu))
        self.assertIn('2022年1月21日8时30分', printed)
        self.organization.tz = 'Europe/Paris'
        self.meeting.with_user(self.wu).action_compose_report()
        self.assertIn('2022年1月21日1时30分', self.meeting.report_body)

    def test_printed_in_the_organisations_language(self):
        text = self.html_text(self.render_html(
            'party_democratic_life.action_report_party_meeting_plan', self.meeting, user=self.zhao))
        self.assertIn('实施方案', text)
        self.assertNotIn('ImplementationPlan', text)
        filename, _mimetype, _content = self.render_document(self.meeting.with_user(self.wu), 'minutes', 'docx')
        self.assertTrue(filename.startswith('民主生活会会议纪要-'), filename)
        self.organization.lang = 'en_US'
        filename, _mimetype, _content = self.render_document(self.meeting.with_user(self.wu), 'minutes', 'docx')
        self.assertTrue(filename.startswith('Meeting Minutes-'), filename)

    def test_outline_title_reads_like_the_plan(self):
        meeting = self.create_meeting(name='Special Meeting 2022', year=2022, date_start='2022-07-01 01:00:00')
        meeting.action_prepare()
        outline = meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == self.zhao)
        blocks = self.document_blocks(outline.with_user(self.zhao), 'statement')
        self.assertEqual(blocks[0]['text'], 'Zhao Dongping同志在Special Meeting 2022上的个人发言提纲（剖析材料）')
        # the sections are headed in the organisation's language too
        self.assertIn('对照5个重点方面查摆的突出问题', outline.section_ids.mapped('name'))

    def test_reference_follows_the_meetings_year(self):
        annual = self.create_meeting(name='Annual 2019', meeting_type='annual', year=2019,
                                     date_start='2020-01-20 01:00:00')
        self.assertTrue(annual.reference.startswith('MZSHH-2019-'), annual.reference)
        special = self.create_meeting(name='Special 2023', year=2022, date_start='2023-03-01 01:00:00')
        self.assertTrue(special.reference.startswith('MZSHH-2023-'), special.reference)
